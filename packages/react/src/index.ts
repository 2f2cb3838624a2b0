/** @nongan/react: embeddable workflow widgets on @nongan/engine and @nongan/forms. */
export { EngineProvider, useEngine, useLocale, useRefresh, type EngineProviderProps } from './EngineProvider.js';
export { useInstance, useTasks, useHistory, useAllowedEvents, useAllowedOperations, useCopies, type LiveResult, type HistoryData, type TasksData } from './hooks.js';
export { TaskInbox, type TaskInboxProps } from './TaskInbox.js';
export { ApprovalSheet, printApprovalSheet, type ApprovalSheetProps } from './ApprovalSheet.js';
export { WorkStatus, type WorkStatusProps } from './WorkStatus.js';
export { CaseView, type CaseViewProps, type FormResolver } from './CaseView.js';
export { Timeline, type TimelineProps } from './Timeline.js';
export { LifecycleDiagram, type LifecycleDiagramProps } from './LifecycleDiagram.js';
export { CertificateCard, type CertificateCardProps } from './CertificateCard.js';
export { CertificateLabel, LABEL_SIZES, type CertificateLabelProps, type LabelSize } from './CertificateLabel.js';
export { CertificateSheet, printSheet, SHEET_SIZES, type CertificateSheetProps, type SheetSize } from './CertificateSheet.js';
export { CertificateVerification, type CertificateVerificationProps } from './CertificateVerification.js';
export { ErrorNotice } from './ErrorNotice.js';
export { CaseReceipt } from './CaseReceipt.js';
export { receiptOf, type Receipt } from './receiptModel.js';
export { valueText, numberText, type FormPresentation } from './fieldValues.js';
export { subjectNameInCase, useSubjectName } from './subjectNames.js';
export { widgetStyles } from './styles.js';
// Framework-free helpers (usable without React, e.g. on a server or in tests).
export {
  certificateQrPayload,
  checkCertificate,
  normalizeVerificationCode,
  basisLabels,
  commitments,
  CERTIFICATE_TITLE,
  type CertificateData,
  type CertificateBasis,
  type CertificateLookup,
  type VerificationResult,
} from './certificateModel.js';
export { describeDue, dueText, type DueInfo } from './due.js';
export { taskRows, filterTaskRows, filterOptions, type TaskFilters, type TaskRow } from './inboxModel.js';
export { timelineRows, formFieldLabeler, type TimelineRow, type FieldLabeler } from './timelineModel.js';
export { INBOX_TABS, copyRows, tabCounts, tabView, rowsOfTab, type InboxTab, type CopyRow, type TabCounts, type TabView } from './inboxTabs.js';
export { taskEntryText, type TaskEntryText } from './taskTimeline.js';
export { approvalRows, type ApprovalRow } from './approvalSheetModel.js';
export { describeWork, type WorkView, type SignerView } from './workModel.js';
export { buildOperation, emptyDraft, OPERATION_FORMS, type OperationDraft, type OperationFormKind } from './operationForms.js';
export { matchPeople, candidateRoles, type PersonOption, type PeopleQuery, type FindPeople } from './peopleModel.js';
export { journalNames, type NameOf } from './journalNames.js';
export { describeState, stateLabel, statePathLabel, eventLabel, roleLabel, workflowTitle, isDraft } from './labels.js';
export { statechartGraph, type StatechartGraph, type ChartNode, type ChartEdge } from './statechartModel.js';
export { layoutStatechart, type StatechartLayout } from './layoutStatechart.js';
export { createChangeSource, createLiveQuery, type ChangeSource, type ReloadingEngine, type LiveQuery, type QueryState } from './liveQuery.js';
export { defaultReasonRule, type ReasonRule } from './reasons.js';
export { shownError, type ShownError } from './engineErrors.js';
export { defaultRoleLabels, type Locale, type LocalText } from './text.js';
