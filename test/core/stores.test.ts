// The framework adapters of the stores, in Node: a Vue ref and an Angular signal follow a store until their scope
// ends. Tiny stand-ins for Vue's shallowRef/onScopeDispose and Angular's signal/DestroyRef keep the frameworks out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type Readable, toAngularSignal, toVueRef } from '../../src/core/stores.ts';

/** A writable store honouring the Svelte contract (call at once, return an unsubscribe). */
function writable<T>(value: T): Readable<T> & { set(v: T): void; subscribers(): number } {
  const runs = new Set<(v: T) => void>();
  return {
    subscribe(run) {
      runs.add(run);
      run(value);
      return () => runs.delete(run);
    },
    set(v) {
      value = v;
      for (const run of [...runs]) run(v);
    },
    subscribers: () => runs.size,
  };
}

test('toVueRef: the ref holds the store value at once, follows it, and stops when the scope is disposed', () => {
  const store = writable<string | null>(null);
  const disposers: Array<() => void> = [];
  let refsMade = 0;
  const ref = toVueRef(store, {
    shallowRef: <T>(v: T) => {
      refsMade++;
      return { value: v };
    },
    onScopeDispose: (fn) => disposers.push(fn),
  });
  assert.equal(ref.value, null);
  assert.equal(refsMade, 1, 'one ref, made from the first value');
  store.set('user_1');
  assert.equal(ref.value, 'user_1');
  assert.equal(refsMade, 1, 'updates go into the same ref');
  assert.equal(disposers.length, 1);
  disposers[0]!();
  assert.equal(store.subscribers(), 0, 'disposing the scope unsubscribes');
  store.set('user_2');
  assert.equal(ref.value, 'user_1');
});

test('toAngularSignal: the signal holds the store value at once, follows it, and stops on destroy', () => {
  const store = writable(0);
  const destroyers: Array<() => void> = [];
  const signal = <T>(v: T) => {
    let current = v;
    return { set: (n: T) => void (current = n), asReadonly: () => () => current };
  };
  const read = toAngularSignal(store, { signal }, { onDestroy: (fn) => void destroyers.push(fn) });
  assert.equal(read(), 0);
  store.set(1);
  store.set(2);
  assert.equal(read(), 2);
  destroyers[0]!();
  assert.equal(store.subscribers(), 0, 'destroying unsubscribes');
  store.set(3);
  assert.equal(read(), 2);
});
