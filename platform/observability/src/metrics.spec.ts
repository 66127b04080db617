import { LabelBudget } from './metrics';

describe('LabelBudget', () => {
  it('keeps GraphQL names up to its size, then answers "other"; never passes anything else through', () => {
    const budget = new LabelBudget(2);
    expect(budget.label('CataloguePage')).toBe('CataloguePage');
    expect(budget.label(null)).toBe('anonymous');
    expect(budget.label('not a name')).toBe('invalid');
    expect(budget.label('4bf92f35-77b3-4da6')).toBe('invalid');
    expect(budget.label('Second')).toBe('Second');
    expect(budget.label('Third')).toBe('other');
    expect(budget.label('CataloguePage')).toBe('CataloguePage');
  });
});
