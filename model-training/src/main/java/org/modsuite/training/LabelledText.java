package org.modsuite.training;

/** One labelled text of a dataset: its language, whether it is hate, and the split it belongs to. */
record LabelledText(String dataset, String language, String text, boolean hate, boolean dev) {
}
