import { graphql } from './gql';

/** Every operation of the app, typed by GraphQL Code Generator's client preset (`pnpm --filter @pcn-hub/web codegen`). */

export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      id
      kind
      roles
      organisation {
        id
        odsCode
        name
        kind
      }
    }
  }
`);

export const InboxItemFragment = graphql(`
  fragment InboxItem on OnlineConsultation {
    id
    state
    type
    template
    submittedAt
    responseExpectedBy
    urgency
    redFlagCount
    routingReason
    triageNotes
    lock {
      holder
      since
      expiresAt
    }
    originatingPractice {
      id
      odsCode
      name
    }
    ownerOrganisation {
      id
      odsCode
      name
    }
    patient {
      id
      givenName
      familyName
      nhsNumber
      dateOfBirth
    }
    submittedPatient {
      givenName
      familyName
      nhsNumber
      dateOfBirth
    }
  }
`);

export const InboxQuery = graphql(`
  query Inbox($organisation: OdsCode!, $filter: InboxFilter, $orderBy: InboxOrder, $first: Int, $after: String) {
    inbox(organisation: $organisation, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...InboxItem
        }
      }
      folderCounts {
        folder
        count
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const InboxEventsSubscription = graphql(`
  subscription InboxEvents($organisation: OdsCode!, $after: String) {
    inboxEvents(organisation: $organisation, after: $after) {
      __typename
      ... on InboxEvent {
        seq
        cursor
        type
        consultationId
        actorId
        at
        consultation {
          ...InboxItem
        }
      }
      ... on InboxHeartbeat {
        at
        latestSeq
      }
      ... on InboxResyncRequired {
        latestSeq
        reason
      }
    }
  }
`);

export const ConsultationDetailFragment = graphql(`
  fragment ConsultationDetail on OnlineConsultation {
    ...InboxItem
    supplier
    supplierReference
    outcome
    answers {
      questionId
      question
      answer
    }
    redFlags {
      questionId
      description
    }
    ice {
      ideas
      concerns
      expectations
    }
    attachments {
      position
      attachmentId
      fileName
      contentType
      sizeBytes
      status
    }
    history {
      action
      from
      to
      actorId
      at
      reason
    }
    signpost {
      team
      urgency
      mode
      type
      destination
      comment
      signpostedBy
      signpostedAt
      service {
        id
        name
      }
    }
    patient {
      id
      sex
      registeredPractice {
        id
        odsCode
        name
      }
    }
  }
`);

export const ConsultationQuery = graphql(`
  query Consultation($id: ID!) {
    onlineConsultation(id: $id) {
      ...ConsultationDetail
    }
  }
`);

export const AttachmentDownloadLinkQuery = graphql(`
  query AttachmentDownloadLink($attachmentId: ID!) {
    attachmentDownloadLink(attachmentId: $attachmentId) {
      attachmentId
      url
      expiresAt
    }
  }
`);

export const HubServicesQuery = graphql(`
  query HubServices {
    hubServices {
      id
      name
      kind
    }
  }
`);

export const ClaimMutation = graphql(`
  mutation Claim($input: ConsultationRefInput!) {
    claimConsultation(input: $input) {
      consultation {
        ...ConsultationDetail
      }
    }
  }
`);

export const ReleaseMutation = graphql(`
  mutation Release($input: ConsultationRefInput!) {
    releaseConsultation(input: $input) {
      consultation {
        ...ConsultationDetail
      }
    }
  }
`);

export const OverrideLockMutation = graphql(`
  mutation OverrideLock($input: ConsultationReasonInput!) {
    overrideConsultationLock(input: $input) {
      consultation {
        ...ConsultationDetail
      }
    }
  }
`);

export const SignpostMutation = graphql(`
  mutation Signpost($input: SignpostConsultationInput!) {
    signpostConsultation(input: $input) {
      consultation {
        ...ConsultationDetail
      }
    }
  }
`);

export const PassBackMutation = graphql(`
  mutation PassBack($input: PassBackToPracticeInput!) {
    passBackToPractice(input: $input) {
      consultation {
        ...ConsultationDetail
      }
    }
  }
`);

export const PullToHubMutation = graphql(`
  mutation PullToHub($input: PullToHubInput!) {
    pullToHub(input: $input) {
      consultation {
        ...ConsultationDetail
      }
    }
  }
`);

export const CompleteMutation = graphql(`
  mutation Complete($input: CompleteConsultationInput!) {
    completeConsultation(input: $input) {
      consultation {
        ...ConsultationDetail
      }
    }
  }
`);

export const CancelMutation = graphql(`
  mutation Cancel($input: ConsultationReasonInput!) {
    cancelConsultation(input: $input) {
      consultation {
        ...ConsultationDetail
      }
    }
  }
`);

export const MatchPatientMutation = graphql(`
  mutation MatchPatient($input: MatchConsultationPatientInput!) {
    matchConsultationPatient(input: $input) {
      consultation {
        ...ConsultationDetail
      }
    }
  }
`);

export const HubConsultationFragment = graphql(`
  fragment HubConsultationDetail on HubConsultation {
    id
    state
    revision
    version
    location
    startedAt
    savedAt
    savedBy
    inboxConsultationId
    writeBackState
    patient {
      id
      givenName
      familyName
      nhsNumber
      registeredPractice {
        id
        odsCode
        name
      }
    }
    entries {
      id
      kind
      unsaved
      removed
      coded {
        snomedCode
        term
        codedKind
      }
      note {
        text
        adminOnly
      }
      writeBack {
        state
        decision
        reason
      }
    }
  }
`);

export const HubConsultationQuery = graphql(`
  query HubConsultation($id: ID!) {
    hubConsultation(id: $id) {
      ...HubConsultationDetail
    }
  }
`);

export const RecordConsultationMutation = graphql(`
  mutation RecordConsultation($input: RecordConsultationInput!) {
    recordConsultation(input: $input) {
      consultation {
        ...HubConsultationDetail
      }
    }
  }
`);

export const AddEntryMutation = graphql(`
  mutation AddEntry($input: AddConsultationEntryInput!) {
    addConsultationEntry(input: $input) {
      consultation {
        ...HubConsultationDetail
      }
    }
  }
`);

export const SaveConsultationMutation = graphql(`
  mutation SaveConsultation($input: SaveConsultationInput!) {
    saveConsultation(input: $input) {
      consultation {
        ...HubConsultationDetail
      }
    }
  }
`);

export const ExplainWriteBackQuery = graphql(`
  query ExplainWriteBack($entryId: ID!) {
    explainWriteBack(entryId: $entryId) {
      entryId
      decision
      willWriteBack
      reasons
      targetOrganisation {
        id
        name
      }
    }
  }
`);

export const WriteBackEventsSubscription = graphql(`
  subscription WriteBackEvents($organisation: OdsCode!, $after: String) {
    writeBackEvents(organisation: $organisation, after: $after) {
      __typename
      ... on WriteBackEvent {
        seq
        cursor
        type
        state
        entryId
        consultationId
      }
      ... on WriteBackResyncRequired {
        latestSeq
      }
    }
  }
`);

export const CapacityPlanFragment = graphql(`
  fragment CapacityPlanFields on CapacityPlan {
    serviceId
    date
    plannedCapacity
    softThreshold
    hardThreshold
    overflowMode
  }
`);

export const HubCapacityQuery = graphql(`
  query HubCapacity {
    hubCapacity {
      date
      load
      state
      overflowMode
      plannedCapacity
      softThreshold
      hardThreshold
      services {
        load
        state
        service {
          id
          name
          kind
        }
        plan {
          ...CapacityPlanFields
        }
      }
    }
  }
`);

export const SetCapacityPlanMutation = graphql(`
  mutation SetCapacityPlan($input: SetCapacityPlanInput!) {
    setCapacityPlan(input: $input) {
      plan {
        ...CapacityPlanFields
      }
    }
  }
`);
