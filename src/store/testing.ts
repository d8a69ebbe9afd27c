// Shared by the store's tests: a small design and browser-grade storage.
import { Window } from 'happy-dom';

/** One external service: the smallest design with a node to look at. */
export const SAMPLE = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: github, namespace: app}
spec:
  hosts: [api.github.com]
  ports: [{number: 443, name: https, protocol: TLS}]
  resolution: DNS
`;

/** A browser-grade Storage (happy-dom's), empty. */
export function freshStorage(): Storage {
  return new Window().localStorage;
}

/**
 * A browser-grade Storage that refuses, as browsers do, any write that would take it past `quota`
 * characters of keys and values in all (0: a storage that is full).
 */
export function limitedStorage(quota: number): Storage {
  const storage = freshStorage();
  const used = (except: string) =>
    Object.entries(Object.fromEntries(Object.entries(storage)))
      .filter(([key]) => key !== except)
      .reduce((sum, [key, value]) => sum + key.length + String(value).length, 0);
  return {
    get length() {
      return storage.length;
    },
    key: (index) => storage.key(index),
    getItem: (key) => storage.getItem(key),
    removeItem: (key) => storage.removeItem(key),
    clear: () => storage.clear(),
    setItem: (key, value) => {
      if (used(key) + key.length + value.length > quota)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      storage.setItem(key, value);
    },
  };
}
