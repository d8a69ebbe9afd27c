/**
 * Docs for the Kubernetes ObjectMeta fields a design commonly carries (keys relative to
 * `metadata`), and for the Namespace spec (keys relative to `spec`; status is ignored).
 */
import type { FieldDocTable } from './types';

/** ObjectMeta field docs, keyed by path suffix relative to `metadata`. */
export const objectMetaDocs: FieldDocTable = {
  name: {
    help: 'Object name, unique per kind and namespace: a lower-case DNS subdomain (Gateways: no dots).',
    maxLength: 253,
  },
  namespace: {
    help: 'Namespace the object lives in; when omitted kubectl uses the current context namespace.',
    format: 'dns1123-label',
    maxLength: 63,
  },
  labels: { help: 'Identifying key/value pairs that selectors match; values of at most 63 characters.' },
  annotations: { help: 'Non-identifying key/value metadata for tools; 256 KiB in total at most.' },
  generateName: { help: 'Prefix for a server-generated name, used on create when name is empty.' },
  uid: { help: 'Unique ID set by the API server; read-only, leave it out of designs.' },
  resourceVersion: {
    help: 'Version set by the API server for optimistic concurrency; strip it from designs.',
  },
  generation: { help: 'Counter of spec changes kept by the API server; read-only.' },
  creationTimestamp: {
    help: 'Creation time set by the API server; Istio uses it to order competing VirtualServices.',
  },
  deletionTimestamp: { help: 'Set by the API server once deletion has started; read-only.' },
  deletionGracePeriodSeconds: {
    help: 'Seconds left for graceful deletion; set by the API server, read-only.',
  },
  ownerReferences: { help: 'Objects that own this one; it is garbage-collected when they go.' },
  'ownerReferences.apiVersion': { help: 'API version of the owner.' },
  'ownerReferences.kind': { help: 'Kind of the owner.' },
  'ownerReferences.name': { help: 'Name of the owner.' },
  'ownerReferences.uid': { help: 'UID of the owner.' },
  'ownerReferences.controller': {
    help: 'True when the owner is the managing controller; at most one owner may be.',
  },
  'ownerReferences.blockOwnerDeletion': {
    help: 'Keep the owner from being deleted in foreground until this object is.',
  },
  finalizers: { help: 'Keys that must be cleared before the API server deletes the object.' },
  managedFields: { help: 'Server-side apply bookkeeping; leave it out of hand-written YAML.' },
  'managedFields.manager': { help: 'Name of the client that manages these fields.' },
  'managedFields.operation': { help: 'Apply or Update: how the fields were last written.' },
  'managedFields.apiVersion': { help: 'API version the managed fields refer to.' },
  'managedFields.time': { help: 'When this manager last changed the fields.' },
  'managedFields.fieldsType': { help: 'Format of fieldsV1; always FieldsV1.' },
  'managedFields.fieldsV1': { help: 'The set of fields this manager owns.' },
  'managedFields.subresource': { help: 'Subresource the fields were written through, e.g. status.' },
};

/** Namespace spec field docs, keyed by path suffix relative to `spec`. */
export const namespaceSpecDocs: FieldDocTable = {
  finalizers: { help: 'Finalizers that must clear before the namespace goes away, e.g. kubernetes.' },
};
