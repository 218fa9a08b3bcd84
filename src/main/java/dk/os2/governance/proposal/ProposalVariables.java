package dk.os2.governance.proposal;

/** Names and values of the proposal process's variables: the fields of its forms. */
final class ProposalVariables {

  static final String PRODUCT_ID = "productId";
  static final String PRODUCT_NAME = "productName";
  static final String PROPOSER = "proposer";
  static final String REQUESTED_LEVEL = "requestedLevel";

  static final String SCREENING_DECISION = "screeningDecision";
  static final String COMMITTEE_RECOMMENDATION = "committeeRecommendation";
  static final String RECOMMENDED_LEVEL = "recommendedLevel";
  static final String BOARD_DECISION = "boardDecision";
  static final String APPROVED_LEVEL = "approvedLevel";
  static final String BOARD_JUSTIFICATION = "boardJustification";
  static final String MEETING_DATE = "meetingDate";

  static final String CHECK_PASSED = "checkPassed";
  static final String CHECK_SUMMARY = "checkSummary";
  static final String INDICATIVE_LEVEL = "indicativeLevel";
  static final String CATALOGUE_REFERENCE = "catalogueReference";
  static final String BOARD_DECISION_LABEL = "boardDecisionLabel";
  /** For the proposer's outcome task: the deciding body's Danish name and the meeting date as dd-mm-åååå. */
  static final String BOARD_DECIDED_BY = "boardDecidedBy";
  static final String BOARD_MEETING_DATE = "boardMeetingDate";

  static final String RETURN = "return";
  static final String RECOMMEND = "recommend";
  static final String REJECT = "reject";
  static final String APPROVE = "approve";

  private ProposalVariables() {}
}
