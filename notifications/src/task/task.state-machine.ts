import { TaskStatus } from './task-status';

/**
 * Every move a task may make. Assigning an employee starts it; closing is DONE or CANCELLED;
 * a DONE task reopens (staff, or a new e-mail on its thread); a cancelled one stays cancelled.
 */
export const TASK_TRANSITIONS: Readonly<Record<TaskStatus, readonly TaskStatus[]>> = {
  [TaskStatus.OPEN]: [TaskStatus.IN_PROGRESS, TaskStatus.DONE, TaskStatus.CANCELLED],
  [TaskStatus.IN_PROGRESS]: [TaskStatus.OPEN, TaskStatus.DONE, TaskStatus.CANCELLED],
  [TaskStatus.DONE]: [TaskStatus.OPEN],
  [TaskStatus.CANCELLED]: [],
};

export function canMoveTask(from: TaskStatus, to: TaskStatus): boolean {
  return TASK_TRANSITIONS[from].includes(to);
}

/** Closed tasks take no assignment or comment until reopened. */
export function isTaskClosed(status: TaskStatus): boolean {
  return status === TaskStatus.DONE || status === TaskStatus.CANCELLED;
}

/** Where a task goes when (re)assigned: an employee starts it, a department alone puts it back in the queue. */
export function statusAfterAssignment(status: TaskStatus, assigneeUserId: string | null): TaskStatus {
  const target = assigneeUserId ? TaskStatus.IN_PROGRESS : TaskStatus.OPEN;
  return status === target || canMoveTask(status, target) ? target : status;
}
