import { RevocationList } from './token-revocation';
import { Viewer } from './viewer';

const viewer = (userId: string, tokenVersion = 0, actorId: string | null = null, actorTokenVersion = 0): Viewer => ({
  userId, kind: 'CUSTOMER', companyId: 'c', supplierId: null, permissions: [], tokenVersion, actorId, actorTokenVersion,
});

describe('RevocationList', () => {
  it('lets unknown users through and refuses deactivated users and older token versions', () => {
    const list = new RevocationList();
    expect(list.isRevoked(viewer('a'))).toBe(false);
    list.set('a', { active: false, tokenVersion: 1 });
    expect(list.isRevoked(viewer('a', 1))).toBe(true);
    list.set('a', { active: true, tokenVersion: 2 });
    expect(list.isRevoked(viewer('a', 1))).toBe(true);
    expect(list.isRevoked(viewer('a', 2))).toBe(false);
    list.set('a', { active: true, tokenVersion: 0 });
    expect(list.size).toBe(0);
  });

  it('ends "sign in as" tokens when the acting staff user is revoked', () => {
    const list = new RevocationList();
    list.set('staff', { active: false, tokenVersion: 1 });
    expect(list.isRevoked(viewer('customer', 0, 'staff', 0))).toBe(true);
    expect(list.isRevoked(viewer('customer'))).toBe(false);
  });

  it('tells listeners which users changed, on set and on replaceAll (old and new entries), until they unsubscribe', () => {
    const list = new RevocationList();
    const heard: string[] = [];
    const off = list.onChange((id) => heard.push(id));
    list.set('u1', { active: false, tokenVersion: 0 });
    list.replaceAll([['u2', { active: true, tokenVersion: 3 }]]);
    expect(heard).toEqual(['u1', 'u1', 'u2']);
    expect(list.isRevoked({ userId: 'u1', kind: 'CUSTOMER', companyId: 'c', supplierId: null, permissions: [], tokenVersion: 0 })).toBe(false);
    off();
    list.set('u3', { active: false, tokenVersion: 0 });
    expect(heard).toEqual(['u1', 'u1', 'u2']);
  });
});
