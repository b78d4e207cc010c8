package org.modsuite.report.dsa;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One statement of reasons as the Transparency Database batch endpoint ({@code POST /api/v1/statements}) takes it:
 * its 35 fields (no top-level {@code content_id_ean}, which that endpoint ignores), JSON names in snake_case, absent
 * fields left out. Enumerated fields hold the keys of {@link SorSchema}; {@code automated_detection} and
 * {@code incompatible_content_illegal} hold the literals {@code Yes}/{@code No}. Nothing is checked here: run
 * {@link StatementValidator} before sending. Fill it with {@link #builder()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatementOfReasons(
    @JsonProperty("decision_visibility") List<String> decisionVisibility,
    @JsonProperty("decision_visibility_other") String decisionVisibilityOther,
    @JsonProperty("end_date_visibility_restriction") @JsonFormat(pattern = "yyyy-MM-dd") LocalDate endDateVisibilityRestriction,
    @JsonProperty("decision_monetary") String decisionMonetary,
    @JsonProperty("decision_monetary_other") String decisionMonetaryOther,
    @JsonProperty("end_date_monetary_restriction") @JsonFormat(pattern = "yyyy-MM-dd") LocalDate endDateMonetaryRestriction,
    @JsonProperty("decision_provision") String decisionProvision,
    @JsonProperty("end_date_service_restriction") @JsonFormat(pattern = "yyyy-MM-dd") LocalDate endDateServiceRestriction,
    @JsonProperty("decision_account") String decisionAccount,
    @JsonProperty("end_date_account_restriction") @JsonFormat(pattern = "yyyy-MM-dd") LocalDate endDateAccountRestriction,
    @JsonProperty("account_type") String accountType,
    @JsonProperty("decision_ground") String decisionGround,
    @JsonProperty("decision_ground_reference_url") String decisionGroundReferenceUrl,
    @JsonProperty("illegal_content_legal_ground") String illegalContentLegalGround,
    @JsonProperty("illegal_content_explanation") String illegalContentExplanation,
    @JsonProperty("incompatible_content_ground") String incompatibleContentGround,
    @JsonProperty("incompatible_content_explanation") String incompatibleContentExplanation,
    @JsonProperty("incompatible_content_illegal") String incompatibleContentIllegal,
    @JsonProperty("category") String category,
    @JsonProperty("category_addition") List<String> categoryAddition,
    @JsonProperty("category_specification") List<String> categorySpecification,
    @JsonProperty("category_specification_other") String categorySpecificationOther,
    @JsonProperty("content_type") List<String> contentType,
    @JsonProperty("content_type_other") String contentTypeOther,
    @JsonProperty("content_language") String contentLanguage,
    @JsonProperty("content_date") @JsonFormat(pattern = "yyyy-MM-dd") LocalDate contentDate,
    @JsonProperty("content_id") ContentId contentId,
    @JsonProperty("territorial_scope") List<String> territorialScope,
    @JsonProperty("application_date") @JsonFormat(pattern = "yyyy-MM-dd") LocalDate applicationDate,
    @JsonProperty("decision_facts") String decisionFacts,
    @JsonProperty("source_type") String sourceType,
    @JsonProperty("source_identity") String sourceIdentity,
    @JsonProperty("automated_detection") String automatedDetection,
    @JsonProperty("automated_decision") String automatedDecision,
    @JsonProperty("puid") String puid) {

  public static final String ILLEGAL_CONTENT = "DECISION_GROUND_ILLEGAL_CONTENT";
  public static final String INCOMPATIBLE_CONTENT = "DECISION_GROUND_INCOMPATIBLE_CONTENT";
  public static final String YES = "Yes";
  public static final String NO = "No";

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this statement's values, to change a few. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.decisionVisibility = decisionVisibility;
    b.decisionVisibilityOther = decisionVisibilityOther;
    b.endDateVisibilityRestriction = endDateVisibilityRestriction;
    b.decisionMonetary = decisionMonetary;
    b.decisionMonetaryOther = decisionMonetaryOther;
    b.endDateMonetaryRestriction = endDateMonetaryRestriction;
    b.decisionProvision = decisionProvision;
    b.endDateServiceRestriction = endDateServiceRestriction;
    b.decisionAccount = decisionAccount;
    b.endDateAccountRestriction = endDateAccountRestriction;
    b.accountType = accountType;
    b.decisionGround = decisionGround;
    b.decisionGroundReferenceUrl = decisionGroundReferenceUrl;
    b.illegalContentLegalGround = illegalContentLegalGround;
    b.illegalContentExplanation = illegalContentExplanation;
    b.incompatibleContentGround = incompatibleContentGround;
    b.incompatibleContentExplanation = incompatibleContentExplanation;
    b.incompatibleContentIllegal = incompatibleContentIllegal;
    b.category = category;
    b.categoryAddition = categoryAddition;
    b.categorySpecification = categorySpecification;
    b.categorySpecificationOther = categorySpecificationOther;
    b.contentType = contentType;
    b.contentTypeOther = contentTypeOther;
    b.contentLanguage = contentLanguage;
    b.contentDate = contentDate;
    b.contentId = contentId;
    b.territorialScope = territorialScope;
    b.applicationDate = applicationDate;
    b.decisionFacts = decisionFacts;
    b.sourceType = sourceType;
    b.sourceIdentity = sourceIdentity;
    b.automatedDetection = automatedDetection;
    b.automatedDecision = automatedDecision;
    b.puid = puid;
    return b;
  }

  /**
   * Fluent builder. The grouped setters ({@link #illegalContent}, {@link #incompatibleContent},
   * {@link #automated}) set the fields that belong together for one decision ground or one Art. 17(3)(c) answer.
   */
  public static final class Builder {
    private List<String> decisionVisibility;
    private String decisionVisibilityOther;
    private LocalDate endDateVisibilityRestriction;
    private String decisionMonetary;
    private String decisionMonetaryOther;
    private LocalDate endDateMonetaryRestriction;
    private String decisionProvision;
    private LocalDate endDateServiceRestriction;
    private String decisionAccount;
    private LocalDate endDateAccountRestriction;
    private String accountType;
    private String decisionGround;
    private String decisionGroundReferenceUrl;
    private String illegalContentLegalGround;
    private String illegalContentExplanation;
    private String incompatibleContentGround;
    private String incompatibleContentExplanation;
    private String incompatibleContentIllegal;
    private String category;
    private List<String> categoryAddition;
    private List<String> categorySpecification;
    private String categorySpecificationOther;
    private List<String> contentType;
    private String contentTypeOther;
    private String contentLanguage;
    private LocalDate contentDate;
    private ContentId contentId;
    private List<String> territorialScope;
    private LocalDate applicationDate;
    private String decisionFacts;
    private String sourceType;
    private String sourceIdentity;
    private String automatedDetection;
    private String automatedDecision;
    private String puid;

    private Builder() {
    }

    /** Art. 17(3)(d): the illegal-content ground, its legal ground and explanation. */
    public Builder illegalContent(String legalGround, String explanation) {
      this.decisionGround = ILLEGAL_CONTENT;
      this.illegalContentLegalGround = legalGround;
      this.illegalContentExplanation = explanation;
      return this;
    }

    /** Art. 17(3)(e): the terms-and-conditions ground; {@code alsoIllegal} null leaves the Yes/No field out. */
    public Builder incompatibleContent(String contractualGround, String explanation, Boolean alsoIllegal) {
      this.decisionGround = INCOMPATIBLE_CONTENT;
      this.incompatibleContentGround = contractualGround;
      this.incompatibleContentExplanation = explanation;
      this.incompatibleContentIllegal = alsoIllegal == null ? null : yesNo(alsoIllegal);
      return this;
    }

    /** Art. 17(3)(c): detected by automated means, and one of the AUTOMATED_DECISION_* keys. */
    public Builder automated(boolean detection, String decisionKey) {
      this.automatedDetection = yesNo(detection);
      this.automatedDecision = decisionKey;
      return this;
    }

    public Builder decisionVisibility(String... keys) {
      return decisionVisibility(Arrays.asList(keys));
    }

    public Builder decisionVisibility(List<String> keys) {
      this.decisionVisibility = copy(keys);
      return this;
    }

    public Builder decisionVisibilityOther(String v) {
      this.decisionVisibilityOther = v;
      return this;
    }

    public Builder endDateVisibilityRestriction(LocalDate v) {
      this.endDateVisibilityRestriction = v;
      return this;
    }

    public Builder decisionMonetary(String v) {
      this.decisionMonetary = v;
      return this;
    }

    public Builder decisionMonetaryOther(String v) {
      this.decisionMonetaryOther = v;
      return this;
    }

    public Builder endDateMonetaryRestriction(LocalDate v) {
      this.endDateMonetaryRestriction = v;
      return this;
    }

    public Builder decisionProvision(String v) {
      this.decisionProvision = v;
      return this;
    }

    public Builder endDateServiceRestriction(LocalDate v) {
      this.endDateServiceRestriction = v;
      return this;
    }

    public Builder decisionAccount(String v) {
      this.decisionAccount = v;
      return this;
    }

    public Builder endDateAccountRestriction(LocalDate v) {
      this.endDateAccountRestriction = v;
      return this;
    }

    public Builder accountType(String v) {
      this.accountType = v;
      return this;
    }

    public Builder decisionGround(String v) {
      this.decisionGround = v;
      return this;
    }

    public Builder decisionGroundReferenceUrl(String v) {
      this.decisionGroundReferenceUrl = v;
      return this;
    }

    public Builder illegalContentLegalGround(String v) {
      this.illegalContentLegalGround = v;
      return this;
    }

    public Builder illegalContentExplanation(String v) {
      this.illegalContentExplanation = v;
      return this;
    }

    public Builder incompatibleContentGround(String v) {
      this.incompatibleContentGround = v;
      return this;
    }

    public Builder incompatibleContentExplanation(String v) {
      this.incompatibleContentExplanation = v;
      return this;
    }

    /** The literal {@code Yes} or {@code No} (kept as a string so that a wrong value can be tested). */
    public Builder incompatibleContentIllegal(String v) {
      this.incompatibleContentIllegal = v;
      return this;
    }

    public Builder category(String v) {
      this.category = v;
      return this;
    }

    public Builder categoryAddition(String... keys) {
      return categoryAddition(Arrays.asList(keys));
    }

    public Builder categoryAddition(List<String> keys) {
      this.categoryAddition = copy(keys);
      return this;
    }

    public Builder categorySpecification(String... keys) {
      return categorySpecification(Arrays.asList(keys));
    }

    public Builder categorySpecification(List<String> keys) {
      this.categorySpecification = copy(keys);
      return this;
    }

    public Builder categorySpecificationOther(String v) {
      this.categorySpecificationOther = v;
      return this;
    }

    public Builder contentType(String... keys) {
      return contentType(Arrays.asList(keys));
    }

    public Builder contentType(List<String> keys) {
      this.contentType = copy(keys);
      return this;
    }

    public Builder contentTypeOther(String v) {
      this.contentTypeOther = v;
      return this;
    }

    /** Upper-case ISO 639-1 code, e.g. {@code DE}. */
    public Builder contentLanguage(String v) {
      this.contentLanguage = v;
      return this;
    }

    public Builder contentDate(LocalDate v) {
      this.contentDate = v;
      return this;
    }

    public Builder contentId(ContentId v) {
      this.contentId = v;
      return this;
    }

    public Builder territorialScope(String... codes) {
      return territorialScope(Arrays.asList(codes));
    }

    public Builder territorialScope(List<String> codes) {
      this.territorialScope = copy(codes);
      return this;
    }

    public Builder applicationDate(LocalDate v) {
      this.applicationDate = v;
      return this;
    }

    public Builder decisionFacts(String v) {
      this.decisionFacts = v;
      return this;
    }

    public Builder sourceType(String v) {
      this.sourceType = v;
      return this;
    }

    public Builder sourceIdentity(String v) {
      this.sourceIdentity = v;
      return this;
    }

    /** The literal {@code Yes} or {@code No}; see also {@link #automated}. */
    public Builder automatedDetection(String v) {
      this.automatedDetection = v;
      return this;
    }

    public Builder automatedDecision(String v) {
      this.automatedDecision = v;
      return this;
    }

    /** Our unique id of the decision: letters, digits, '-' and '_', at most 500, never reused. */
    public Builder puid(String v) {
      this.puid = v;
      return this;
    }

    public StatementOfReasons build() {
      return new StatementOfReasons(decisionVisibility, decisionVisibilityOther, endDateVisibilityRestriction,
          decisionMonetary, decisionMonetaryOther, endDateMonetaryRestriction, decisionProvision,
          endDateServiceRestriction, decisionAccount, endDateAccountRestriction, accountType, decisionGround,
          decisionGroundReferenceUrl, illegalContentLegalGround, illegalContentExplanation, incompatibleContentGround,
          incompatibleContentExplanation, incompatibleContentIllegal, category, categoryAddition,
          categorySpecification, categorySpecificationOther, contentType, contentTypeOther, contentLanguage,
          contentDate, contentId, territorialScope, applicationDate, decisionFacts, sourceType, sourceIdentity,
          automatedDetection, automatedDecision, puid);
    }

    private static String yesNo(boolean v) {
      return v ? YES : NO;
    }

    // Null stays null (field left out); elements may be null so that tests can send them.
    private static List<String> copy(List<String> keys) {
      return keys == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(keys));
    }
  }
}
