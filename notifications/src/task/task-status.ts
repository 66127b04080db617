/** What a task asks for. */
export enum TaskKind {
  PREPARE_OFFER = 'PREPARE_OFFER',
  COMPLAINT_RETURN = 'COMPLAINT_RETURN',
  CALL_BACK = 'CALL_BACK',
  OTHER = 'OTHER',
}

/** OPEN (nobody works on it yet), IN_PROGRESS (assigned to an employee), DONE, CANCELLED. */
export enum TaskStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}

/** What a task led to, in the subgraph that owns it. */
export enum TaskLinkKind {
  OFFER = 'OFFER',
  RETURN = 'RETURN',
  ORDER = 'ORDER',
}
