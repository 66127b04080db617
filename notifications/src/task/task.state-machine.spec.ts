import { TaskStatus } from './task-status';
import { canMoveTask, isTaskClosed, statusAfterAssignment, TASK_TRANSITIONS } from './task.state-machine';

describe('task state machine', () => {
  it('closes open and started tasks, reopens done ones, never a cancelled one', () => {
    expect(canMoveTask(TaskStatus.OPEN, TaskStatus.DONE)).toBe(true);
    expect(canMoveTask(TaskStatus.IN_PROGRESS, TaskStatus.CANCELLED)).toBe(true);
    expect(canMoveTask(TaskStatus.DONE, TaskStatus.OPEN)).toBe(true);
    expect(canMoveTask(TaskStatus.DONE, TaskStatus.IN_PROGRESS)).toBe(false);
    expect(TASK_TRANSITIONS[TaskStatus.CANCELLED]).toEqual([]);
  });

  it('starts a task when an employee gets it and queues it again when only a department has it', () => {
    expect(statusAfterAssignment(TaskStatus.OPEN, 'u')).toBe(TaskStatus.IN_PROGRESS);
    expect(statusAfterAssignment(TaskStatus.IN_PROGRESS, null)).toBe(TaskStatus.OPEN);
    expect(statusAfterAssignment(TaskStatus.IN_PROGRESS, 'u')).toBe(TaskStatus.IN_PROGRESS);
  });

  it('counts DONE and CANCELLED as closed', () => {
    expect([TaskStatus.OPEN, TaskStatus.IN_PROGRESS, TaskStatus.DONE, TaskStatus.CANCELLED].map(isTaskClosed)).toEqual([false, false, true, true]);
  });
});
