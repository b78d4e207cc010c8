package org.modsuite.report;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One item a notice names, linked to the case of that item. */
@Entity
@Table(name = "notice_item")
public class NoticeItem {

  @Id
  public UUID id;
  public UUID noticeId;
  public int position;
  public String postUid;
  public String url;
  public UUID caseId;
  public boolean duplicate;
}
