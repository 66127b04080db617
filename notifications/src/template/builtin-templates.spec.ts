import { allowedPlaceholders, BUILTIN_TEMPLATES, hasSmsText, notificationCategories } from './builtin-templates';
import { checkTemplateText } from './template-text';

describe('built-in SMS texts', () => {
  it('exist for order confirmations, late orders and payment reminders, and only those categories offer SMS', () => {
    expect(Object.keys(BUILTIN_TEMPLATES).filter(hasSmsText).sort()).toEqual(['order.confirmed', 'order.late', 'payment.reminder']);
    const offered = notificationCategories().filter((c) => c.smsAvailable).map((c) => c.category).sort();
    expect(offered).toEqual(['order.confirmed', 'order.late', 'payment.reminder']);
    expect(hasSmsText('order.placed')).toBe(false);
    expect(hasSmsText('no.such.template')).toBe(false);
  });

  it('use only the placeholders their template provides, and fit in the gateway limit', () => {
    for (const [key, template] of Object.entries(BUILTIN_TEMPLATES)) {
      for (const text of Object.values(template.texts)) {
        if (!text.sms) continue;
        expect(() => checkTemplateText('sms', text.sms!, allowedPlaceholders(key))).not.toThrow();
        expect(text.sms.length).toBeLessThan(200);
      }
    }
  });
});
