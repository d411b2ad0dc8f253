/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  '\n  query Viewer {\n    viewer {\n      id\n      kind\n      roles\n      organisation {\n        id\n        odsCode\n        name\n        kind\n      }\n    }\n  }\n': typeof types.ViewerDocument;
  '\n  fragment InboxItem on OnlineConsultation {\n    id\n    state\n    type\n    template\n    submittedAt\n    responseExpectedBy\n    urgency\n    redFlagCount\n    routingReason\n    triageNotes\n    lock {\n      holder\n      since\n      expiresAt\n    }\n    originatingPractice {\n      id\n      odsCode\n      name\n    }\n    ownerOrganisation {\n      id\n      odsCode\n      name\n    }\n    patient {\n      id\n      givenName\n      familyName\n      nhsNumber\n      dateOfBirth\n    }\n    submittedPatient {\n      givenName\n      familyName\n      nhsNumber\n      dateOfBirth\n    }\n  }\n': typeof types.InboxItemFragmentDoc;
  '\n  query Inbox($organisation: OdsCode!, $filter: InboxFilter, $orderBy: InboxOrder, $first: Int, $after: String) {\n    inbox(organisation: $organisation, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...InboxItem\n        }\n      }\n      folderCounts {\n        folder\n        count\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.InboxDocument;
  '\n  subscription InboxEvents($organisation: OdsCode!, $after: String) {\n    inboxEvents(organisation: $organisation, after: $after) {\n      __typename\n      ... on InboxEvent {\n        seq\n        cursor\n        type\n        consultationId\n        actorId\n        at\n        consultation {\n          ...InboxItem\n        }\n      }\n      ... on InboxHeartbeat {\n        at\n        latestSeq\n      }\n      ... on InboxResyncRequired {\n        latestSeq\n        reason\n      }\n    }\n  }\n': typeof types.InboxEventsDocument;
  '\n  fragment ConsultationDetail on OnlineConsultation {\n    ...InboxItem\n    supplier\n    supplierReference\n    outcome\n    answers {\n      questionId\n      question\n      answer\n    }\n    redFlags {\n      questionId\n      description\n    }\n    ice {\n      ideas\n      concerns\n      expectations\n    }\n    attachments {\n      position\n      attachmentId\n      fileName\n      contentType\n      sizeBytes\n      status\n    }\n    history {\n      action\n      from\n      to\n      actorId\n      at\n      reason\n    }\n    signpost {\n      team\n      urgency\n      mode\n      type\n      destination\n      comment\n      signpostedBy\n      signpostedAt\n      service {\n        id\n        name\n      }\n    }\n    patient {\n      id\n      sex\n      registeredPractice {\n        id\n        odsCode\n        name\n      }\n    }\n  }\n': typeof types.ConsultationDetailFragmentDoc;
  '\n  query Consultation($id: ID!) {\n    onlineConsultation(id: $id) {\n      ...ConsultationDetail\n    }\n  }\n': typeof types.ConsultationDocument;
  '\n  query AttachmentDownloadLink($attachmentId: ID!) {\n    attachmentDownloadLink(attachmentId: $attachmentId) {\n      attachmentId\n      url\n      expiresAt\n    }\n  }\n': typeof types.AttachmentDownloadLinkDocument;
  '\n  query HubServices {\n    hubServices {\n      id\n      name\n      kind\n    }\n  }\n': typeof types.HubServicesDocument;
  '\n  mutation Claim($input: ConsultationRefInput!) {\n    claimConsultation(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n': typeof types.ClaimDocument;
  '\n  mutation Release($input: ConsultationRefInput!) {\n    releaseConsultation(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n': typeof types.ReleaseDocument;
  '\n  mutation OverrideLock($input: ConsultationReasonInput!) {\n    overrideConsultationLock(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n': typeof types.OverrideLockDocument;
  '\n  mutation Signpost($input: SignpostConsultationInput!) {\n    signpostConsultation(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n': typeof types.SignpostDocument;
  '\n  mutation PassBack($input: PassBackToPracticeInput!) {\n    passBackToPractice(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n': typeof types.PassBackDocument;
  '\n  mutation PullToHub($input: PullToHubInput!) {\n    pullToHub(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n': typeof types.PullToHubDocument;
  '\n  mutation Complete($input: CompleteConsultationInput!) {\n    completeConsultation(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n': typeof types.CompleteDocument;
  '\n  mutation Cancel($input: ConsultationReasonInput!) {\n    cancelConsultation(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n': typeof types.CancelDocument;
  '\n  mutation MatchPatient($input: MatchConsultationPatientInput!) {\n    matchConsultationPatient(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n': typeof types.MatchPatientDocument;
  '\n  fragment HubConsultationDetail on HubConsultation {\n    id\n    state\n    revision\n    version\n    location\n    startedAt\n    savedAt\n    savedBy\n    inboxConsultationId\n    writeBackState\n    patient {\n      id\n      givenName\n      familyName\n      nhsNumber\n      registeredPractice {\n        id\n        odsCode\n        name\n      }\n    }\n    entries {\n      id\n      kind\n      unsaved\n      removed\n      coded {\n        snomedCode\n        term\n        codedKind\n      }\n      note {\n        text\n        adminOnly\n      }\n      writeBack {\n        state\n        decision\n        reason\n      }\n    }\n  }\n': typeof types.HubConsultationDetailFragmentDoc;
  '\n  query HubConsultation($id: ID!) {\n    hubConsultation(id: $id) {\n      ...HubConsultationDetail\n    }\n  }\n': typeof types.HubConsultationDocument;
  '\n  mutation RecordConsultation($input: RecordConsultationInput!) {\n    recordConsultation(input: $input) {\n      consultation {\n        ...HubConsultationDetail\n      }\n    }\n  }\n': typeof types.RecordConsultationDocument;
  '\n  mutation AddEntry($input: AddConsultationEntryInput!) {\n    addConsultationEntry(input: $input) {\n      consultation {\n        ...HubConsultationDetail\n      }\n    }\n  }\n': typeof types.AddEntryDocument;
  '\n  mutation SaveConsultation($input: SaveConsultationInput!) {\n    saveConsultation(input: $input) {\n      consultation {\n        ...HubConsultationDetail\n      }\n    }\n  }\n': typeof types.SaveConsultationDocument;
  '\n  query ExplainWriteBack($entryId: ID!) {\n    explainWriteBack(entryId: $entryId) {\n      entryId\n      decision\n      willWriteBack\n      reasons\n      targetOrganisation {\n        id\n        name\n      }\n    }\n  }\n': typeof types.ExplainWriteBackDocument;
  '\n  subscription WriteBackEvents($organisation: OdsCode!, $after: String) {\n    writeBackEvents(organisation: $organisation, after: $after) {\n      __typename\n      ... on WriteBackEvent {\n        seq\n        cursor\n        type\n        state\n        entryId\n        consultationId\n      }\n      ... on WriteBackResyncRequired {\n        latestSeq\n      }\n    }\n  }\n': typeof types.WriteBackEventsDocument;
  '\n  fragment CapacityPlanFields on CapacityPlan {\n    serviceId\n    date\n    plannedCapacity\n    softThreshold\n    hardThreshold\n    overflowMode\n  }\n': typeof types.CapacityPlanFieldsFragmentDoc;
  '\n  query HubCapacity {\n    hubCapacity {\n      date\n      load\n      state\n      overflowMode\n      plannedCapacity\n      softThreshold\n      hardThreshold\n      services {\n        load\n        state\n        service {\n          id\n          name\n          kind\n        }\n        plan {\n          ...CapacityPlanFields\n        }\n      }\n    }\n  }\n': typeof types.HubCapacityDocument;
  '\n  mutation SetCapacityPlan($input: SetCapacityPlanInput!) {\n    setCapacityPlan(input: $input) {\n      plan {\n        ...CapacityPlanFields\n      }\n    }\n  }\n': typeof types.SetCapacityPlanDocument;
};
const documents: Documents = {
  '\n  query Viewer {\n    viewer {\n      id\n      kind\n      roles\n      organisation {\n        id\n        odsCode\n        name\n        kind\n      }\n    }\n  }\n':
    types.ViewerDocument,
  '\n  fragment InboxItem on OnlineConsultation {\n    id\n    state\n    type\n    template\n    submittedAt\n    responseExpectedBy\n    urgency\n    redFlagCount\n    routingReason\n    triageNotes\n    lock {\n      holder\n      since\n      expiresAt\n    }\n    originatingPractice {\n      id\n      odsCode\n      name\n    }\n    ownerOrganisation {\n      id\n      odsCode\n      name\n    }\n    patient {\n      id\n      givenName\n      familyName\n      nhsNumber\n      dateOfBirth\n    }\n    submittedPatient {\n      givenName\n      familyName\n      nhsNumber\n      dateOfBirth\n    }\n  }\n':
    types.InboxItemFragmentDoc,
  '\n  query Inbox($organisation: OdsCode!, $filter: InboxFilter, $orderBy: InboxOrder, $first: Int, $after: String) {\n    inbox(organisation: $organisation, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...InboxItem\n        }\n      }\n      folderCounts {\n        folder\n        count\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.InboxDocument,
  '\n  subscription InboxEvents($organisation: OdsCode!, $after: String) {\n    inboxEvents(organisation: $organisation, after: $after) {\n      __typename\n      ... on InboxEvent {\n        seq\n        cursor\n        type\n        consultationId\n        actorId\n        at\n        consultation {\n          ...InboxItem\n        }\n      }\n      ... on InboxHeartbeat {\n        at\n        latestSeq\n      }\n      ... on InboxResyncRequired {\n        latestSeq\n        reason\n      }\n    }\n  }\n':
    types.InboxEventsDocument,
  '\n  fragment ConsultationDetail on OnlineConsultation {\n    ...InboxItem\n    supplier\n    supplierReference\n    outcome\n    answers {\n      questionId\n      question\n      answer\n    }\n    redFlags {\n      questionId\n      description\n    }\n    ice {\n      ideas\n      concerns\n      expectations\n    }\n    attachments {\n      position\n      attachmentId\n      fileName\n      contentType\n      sizeBytes\n      status\n    }\n    history {\n      action\n      from\n      to\n      actorId\n      at\n      reason\n    }\n    signpost {\n      team\n      urgency\n      mode\n      type\n      destination\n      comment\n      signpostedBy\n      signpostedAt\n      service {\n        id\n        name\n      }\n    }\n    patient {\n      id\n      sex\n      registeredPractice {\n        id\n        odsCode\n        name\n      }\n    }\n  }\n':
    types.ConsultationDetailFragmentDoc,
  '\n  query Consultation($id: ID!) {\n    onlineConsultation(id: $id) {\n      ...ConsultationDetail\n    }\n  }\n':
    types.ConsultationDocument,
  '\n  query AttachmentDownloadLink($attachmentId: ID!) {\n    attachmentDownloadLink(attachmentId: $attachmentId) {\n      attachmentId\n      url\n      expiresAt\n    }\n  }\n':
    types.AttachmentDownloadLinkDocument,
  '\n  query HubServices {\n    hubServices {\n      id\n      name\n      kind\n    }\n  }\n':
    types.HubServicesDocument,
  '\n  mutation Claim($input: ConsultationRefInput!) {\n    claimConsultation(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n':
    types.ClaimDocument,
  '\n  mutation Release($input: ConsultationRefInput!) {\n    releaseConsultation(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n':
    types.ReleaseDocument,
  '\n  mutation OverrideLock($input: ConsultationReasonInput!) {\n    overrideConsultationLock(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n':
    types.OverrideLockDocument,
  '\n  mutation Signpost($input: SignpostConsultationInput!) {\n    signpostConsultation(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n':
    types.SignpostDocument,
  '\n  mutation PassBack($input: PassBackToPracticeInput!) {\n    passBackToPractice(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n':
    types.PassBackDocument,
  '\n  mutation PullToHub($input: PullToHubInput!) {\n    pullToHub(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n':
    types.PullToHubDocument,
  '\n  mutation Complete($input: CompleteConsultationInput!) {\n    completeConsultation(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n':
    types.CompleteDocument,
  '\n  mutation Cancel($input: ConsultationReasonInput!) {\n    cancelConsultation(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n':
    types.CancelDocument,
  '\n  mutation MatchPatient($input: MatchConsultationPatientInput!) {\n    matchConsultationPatient(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n':
    types.MatchPatientDocument,
  '\n  fragment HubConsultationDetail on HubConsultation {\n    id\n    state\n    revision\n    version\n    location\n    startedAt\n    savedAt\n    savedBy\n    inboxConsultationId\n    writeBackState\n    patient {\n      id\n      givenName\n      familyName\n      nhsNumber\n      registeredPractice {\n        id\n        odsCode\n        name\n      }\n    }\n    entries {\n      id\n      kind\n      unsaved\n      removed\n      coded {\n        snomedCode\n        term\n        codedKind\n      }\n      note {\n        text\n        adminOnly\n      }\n      writeBack {\n        state\n        decision\n        reason\n      }\n    }\n  }\n':
    types.HubConsultationDetailFragmentDoc,
  '\n  query HubConsultation($id: ID!) {\n    hubConsultation(id: $id) {\n      ...HubConsultationDetail\n    }\n  }\n':
    types.HubConsultationDocument,
  '\n  mutation RecordConsultation($input: RecordConsultationInput!) {\n    recordConsultation(input: $input) {\n      consultation {\n        ...HubConsultationDetail\n      }\n    }\n  }\n':
    types.RecordConsultationDocument,
  '\n  mutation AddEntry($input: AddConsultationEntryInput!) {\n    addConsultationEntry(input: $input) {\n      consultation {\n        ...HubConsultationDetail\n      }\n    }\n  }\n':
    types.AddEntryDocument,
  '\n  mutation SaveConsultation($input: SaveConsultationInput!) {\n    saveConsultation(input: $input) {\n      consultation {\n        ...HubConsultationDetail\n      }\n    }\n  }\n':
    types.SaveConsultationDocument,
  '\n  query ExplainWriteBack($entryId: ID!) {\n    explainWriteBack(entryId: $entryId) {\n      entryId\n      decision\n      willWriteBack\n      reasons\n      targetOrganisation {\n        id\n        name\n      }\n    }\n  }\n':
    types.ExplainWriteBackDocument,
  '\n  subscription WriteBackEvents($organisation: OdsCode!, $after: String) {\n    writeBackEvents(organisation: $organisation, after: $after) {\n      __typename\n      ... on WriteBackEvent {\n        seq\n        cursor\n        type\n        state\n        entryId\n        consultationId\n      }\n      ... on WriteBackResyncRequired {\n        latestSeq\n      }\n    }\n  }\n':
    types.WriteBackEventsDocument,
  '\n  fragment CapacityPlanFields on CapacityPlan {\n    serviceId\n    date\n    plannedCapacity\n    softThreshold\n    hardThreshold\n    overflowMode\n  }\n':
    types.CapacityPlanFieldsFragmentDoc,
  '\n  query HubCapacity {\n    hubCapacity {\n      date\n      load\n      state\n      overflowMode\n      plannedCapacity\n      softThreshold\n      hardThreshold\n      services {\n        load\n        state\n        service {\n          id\n          name\n          kind\n        }\n        plan {\n          ...CapacityPlanFields\n        }\n      }\n    }\n  }\n':
    types.HubCapacityDocument,
  '\n  mutation SetCapacityPlan($input: SetCapacityPlanInput!) {\n    setCapacityPlan(input: $input) {\n      plan {\n        ...CapacityPlanFields\n      }\n    }\n  }\n':
    types.SetCapacityPlanDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Viewer {\n    viewer {\n      id\n      kind\n      roles\n      organisation {\n        id\n        odsCode\n        name\n        kind\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Viewer {\n    viewer {\n      id\n      kind\n      roles\n      organisation {\n        id\n        odsCode\n        name\n        kind\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment InboxItem on OnlineConsultation {\n    id\n    state\n    type\n    template\n    submittedAt\n    responseExpectedBy\n    urgency\n    redFlagCount\n    routingReason\n    triageNotes\n    lock {\n      holder\n      since\n      expiresAt\n    }\n    originatingPractice {\n      id\n      odsCode\n      name\n    }\n    ownerOrganisation {\n      id\n      odsCode\n      name\n    }\n    patient {\n      id\n      givenName\n      familyName\n      nhsNumber\n      dateOfBirth\n    }\n    submittedPatient {\n      givenName\n      familyName\n      nhsNumber\n      dateOfBirth\n    }\n  }\n',
): (typeof documents)['\n  fragment InboxItem on OnlineConsultation {\n    id\n    state\n    type\n    template\n    submittedAt\n    responseExpectedBy\n    urgency\n    redFlagCount\n    routingReason\n    triageNotes\n    lock {\n      holder\n      since\n      expiresAt\n    }\n    originatingPractice {\n      id\n      odsCode\n      name\n    }\n    ownerOrganisation {\n      id\n      odsCode\n      name\n    }\n    patient {\n      id\n      givenName\n      familyName\n      nhsNumber\n      dateOfBirth\n    }\n    submittedPatient {\n      givenName\n      familyName\n      nhsNumber\n      dateOfBirth\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Inbox($organisation: OdsCode!, $filter: InboxFilter, $orderBy: InboxOrder, $first: Int, $after: String) {\n    inbox(organisation: $organisation, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...InboxItem\n        }\n      }\n      folderCounts {\n        folder\n        count\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Inbox($organisation: OdsCode!, $filter: InboxFilter, $orderBy: InboxOrder, $first: Int, $after: String) {\n    inbox(organisation: $organisation, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...InboxItem\n        }\n      }\n      folderCounts {\n        folder\n        count\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  subscription InboxEvents($organisation: OdsCode!, $after: String) {\n    inboxEvents(organisation: $organisation, after: $after) {\n      __typename\n      ... on InboxEvent {\n        seq\n        cursor\n        type\n        consultationId\n        actorId\n        at\n        consultation {\n          ...InboxItem\n        }\n      }\n      ... on InboxHeartbeat {\n        at\n        latestSeq\n      }\n      ... on InboxResyncRequired {\n        latestSeq\n        reason\n      }\n    }\n  }\n',
): (typeof documents)['\n  subscription InboxEvents($organisation: OdsCode!, $after: String) {\n    inboxEvents(organisation: $organisation, after: $after) {\n      __typename\n      ... on InboxEvent {\n        seq\n        cursor\n        type\n        consultationId\n        actorId\n        at\n        consultation {\n          ...InboxItem\n        }\n      }\n      ... on InboxHeartbeat {\n        at\n        latestSeq\n      }\n      ... on InboxResyncRequired {\n        latestSeq\n        reason\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment ConsultationDetail on OnlineConsultation {\n    ...InboxItem\n    supplier\n    supplierReference\n    outcome\n    answers {\n      questionId\n      question\n      answer\n    }\n    redFlags {\n      questionId\n      description\n    }\n    ice {\n      ideas\n      concerns\n      expectations\n    }\n    attachments {\n      position\n      attachmentId\n      fileName\n      contentType\n      sizeBytes\n      status\n    }\n    history {\n      action\n      from\n      to\n      actorId\n      at\n      reason\n    }\n    signpost {\n      team\n      urgency\n      mode\n      type\n      destination\n      comment\n      signpostedBy\n      signpostedAt\n      service {\n        id\n        name\n      }\n    }\n    patient {\n      id\n      sex\n      registeredPractice {\n        id\n        odsCode\n        name\n      }\n    }\n  }\n',
): (typeof documents)['\n  fragment ConsultationDetail on OnlineConsultation {\n    ...InboxItem\n    supplier\n    supplierReference\n    outcome\n    answers {\n      questionId\n      question\n      answer\n    }\n    redFlags {\n      questionId\n      description\n    }\n    ice {\n      ideas\n      concerns\n      expectations\n    }\n    attachments {\n      position\n      attachmentId\n      fileName\n      contentType\n      sizeBytes\n      status\n    }\n    history {\n      action\n      from\n      to\n      actorId\n      at\n      reason\n    }\n    signpost {\n      team\n      urgency\n      mode\n      type\n      destination\n      comment\n      signpostedBy\n      signpostedAt\n      service {\n        id\n        name\n      }\n    }\n    patient {\n      id\n      sex\n      registeredPractice {\n        id\n        odsCode\n        name\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Consultation($id: ID!) {\n    onlineConsultation(id: $id) {\n      ...ConsultationDetail\n    }\n  }\n',
): (typeof documents)['\n  query Consultation($id: ID!) {\n    onlineConsultation(id: $id) {\n      ...ConsultationDetail\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AttachmentDownloadLink($attachmentId: ID!) {\n    attachmentDownloadLink(attachmentId: $attachmentId) {\n      attachmentId\n      url\n      expiresAt\n    }\n  }\n',
): (typeof documents)['\n  query AttachmentDownloadLink($attachmentId: ID!) {\n    attachmentDownloadLink(attachmentId: $attachmentId) {\n      attachmentId\n      url\n      expiresAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query HubServices {\n    hubServices {\n      id\n      name\n      kind\n    }\n  }\n',
): (typeof documents)['\n  query HubServices {\n    hubServices {\n      id\n      name\n      kind\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Claim($input: ConsultationRefInput!) {\n    claimConsultation(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation Claim($input: ConsultationRefInput!) {\n    claimConsultation(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Release($input: ConsultationRefInput!) {\n    releaseConsultation(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation Release($input: ConsultationRefInput!) {\n    releaseConsultation(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation OverrideLock($input: ConsultationReasonInput!) {\n    overrideConsultationLock(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation OverrideLock($input: ConsultationReasonInput!) {\n    overrideConsultationLock(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Signpost($input: SignpostConsultationInput!) {\n    signpostConsultation(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation Signpost($input: SignpostConsultationInput!) {\n    signpostConsultation(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation PassBack($input: PassBackToPracticeInput!) {\n    passBackToPractice(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation PassBack($input: PassBackToPracticeInput!) {\n    passBackToPractice(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation PullToHub($input: PullToHubInput!) {\n    pullToHub(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation PullToHub($input: PullToHubInput!) {\n    pullToHub(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Complete($input: CompleteConsultationInput!) {\n    completeConsultation(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation Complete($input: CompleteConsultationInput!) {\n    completeConsultation(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Cancel($input: ConsultationReasonInput!) {\n    cancelConsultation(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation Cancel($input: ConsultationReasonInput!) {\n    cancelConsultation(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation MatchPatient($input: MatchConsultationPatientInput!) {\n    matchConsultationPatient(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation MatchPatient($input: MatchConsultationPatientInput!) {\n    matchConsultationPatient(input: $input) {\n      consultation {\n        ...ConsultationDetail\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment HubConsultationDetail on HubConsultation {\n    id\n    state\n    revision\n    version\n    location\n    startedAt\n    savedAt\n    savedBy\n    inboxConsultationId\n    writeBackState\n    patient {\n      id\n      givenName\n      familyName\n      nhsNumber\n      registeredPractice {\n        id\n        odsCode\n        name\n      }\n    }\n    entries {\n      id\n      kind\n      unsaved\n      removed\n      coded {\n        snomedCode\n        term\n        codedKind\n      }\n      note {\n        text\n        adminOnly\n      }\n      writeBack {\n        state\n        decision\n        reason\n      }\n    }\n  }\n',
): (typeof documents)['\n  fragment HubConsultationDetail on HubConsultation {\n    id\n    state\n    revision\n    version\n    location\n    startedAt\n    savedAt\n    savedBy\n    inboxConsultationId\n    writeBackState\n    patient {\n      id\n      givenName\n      familyName\n      nhsNumber\n      registeredPractice {\n        id\n        odsCode\n        name\n      }\n    }\n    entries {\n      id\n      kind\n      unsaved\n      removed\n      coded {\n        snomedCode\n        term\n        codedKind\n      }\n      note {\n        text\n        adminOnly\n      }\n      writeBack {\n        state\n        decision\n        reason\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query HubConsultation($id: ID!) {\n    hubConsultation(id: $id) {\n      ...HubConsultationDetail\n    }\n  }\n',
): (typeof documents)['\n  query HubConsultation($id: ID!) {\n    hubConsultation(id: $id) {\n      ...HubConsultationDetail\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RecordConsultation($input: RecordConsultationInput!) {\n    recordConsultation(input: $input) {\n      consultation {\n        ...HubConsultationDetail\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation RecordConsultation($input: RecordConsultationInput!) {\n    recordConsultation(input: $input) {\n      consultation {\n        ...HubConsultationDetail\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AddEntry($input: AddConsultationEntryInput!) {\n    addConsultationEntry(input: $input) {\n      consultation {\n        ...HubConsultationDetail\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation AddEntry($input: AddConsultationEntryInput!) {\n    addConsultationEntry(input: $input) {\n      consultation {\n        ...HubConsultationDetail\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SaveConsultation($input: SaveConsultationInput!) {\n    saveConsultation(input: $input) {\n      consultation {\n        ...HubConsultationDetail\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation SaveConsultation($input: SaveConsultationInput!) {\n    saveConsultation(input: $input) {\n      consultation {\n        ...HubConsultationDetail\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ExplainWriteBack($entryId: ID!) {\n    explainWriteBack(entryId: $entryId) {\n      entryId\n      decision\n      willWriteBack\n      reasons\n      targetOrganisation {\n        id\n        name\n      }\n    }\n  }\n',
): (typeof documents)['\n  query ExplainWriteBack($entryId: ID!) {\n    explainWriteBack(entryId: $entryId) {\n      entryId\n      decision\n      willWriteBack\n      reasons\n      targetOrganisation {\n        id\n        name\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  subscription WriteBackEvents($organisation: OdsCode!, $after: String) {\n    writeBackEvents(organisation: $organisation, after: $after) {\n      __typename\n      ... on WriteBackEvent {\n        seq\n        cursor\n        type\n        state\n        entryId\n        consultationId\n      }\n      ... on WriteBackResyncRequired {\n        latestSeq\n      }\n    }\n  }\n',
): (typeof documents)['\n  subscription WriteBackEvents($organisation: OdsCode!, $after: String) {\n    writeBackEvents(organisation: $organisation, after: $after) {\n      __typename\n      ... on WriteBackEvent {\n        seq\n        cursor\n        type\n        state\n        entryId\n        consultationId\n      }\n      ... on WriteBackResyncRequired {\n        latestSeq\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment CapacityPlanFields on CapacityPlan {\n    serviceId\n    date\n    plannedCapacity\n    softThreshold\n    hardThreshold\n    overflowMode\n  }\n',
): (typeof documents)['\n  fragment CapacityPlanFields on CapacityPlan {\n    serviceId\n    date\n    plannedCapacity\n    softThreshold\n    hardThreshold\n    overflowMode\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query HubCapacity {\n    hubCapacity {\n      date\n      load\n      state\n      overflowMode\n      plannedCapacity\n      softThreshold\n      hardThreshold\n      services {\n        load\n        state\n        service {\n          id\n          name\n          kind\n        }\n        plan {\n          ...CapacityPlanFields\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query HubCapacity {\n    hubCapacity {\n      date\n      load\n      state\n      overflowMode\n      plannedCapacity\n      softThreshold\n      hardThreshold\n      services {\n        load\n        state\n        service {\n          id\n          name\n          kind\n        }\n        plan {\n          ...CapacityPlanFields\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SetCapacityPlan($input: SetCapacityPlanInput!) {\n    setCapacityPlan(input: $input) {\n      plan {\n        ...CapacityPlanFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation SetCapacityPlan($input: SetCapacityPlanInput!) {\n    setCapacityPlan(input: $input) {\n      plan {\n        ...CapacityPlanFields\n      }\n    }\n  }\n'];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;
