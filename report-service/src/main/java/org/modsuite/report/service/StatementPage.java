package org.modsuite.report.service;

import java.util.List;

/** One page of statements of reasons, newest first, with the number of statements in the selection. */
public record StatementPage(List<StatementView> items, int page, int size, long total) {
}
