package org.modsuite.report.service;

import java.util.List;

/** One page of cases, newest first, with the total number of cases. */
public record CasePage(List<CaseView> items, int page, int size, long total) {
}
