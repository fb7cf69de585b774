#ifndef RENAME_EXCHANGE_SHIM_H
#define RENAME_EXCHANGE_SHIM_H

/// Atomically exchanges the paths `a` and `b` (both must exist), with Linux's
/// renameat2(RENAME_EXCHANGE). Returns 0, or -1 with errno set (for instance when the
/// system or file system does not support it). Swift's Glibc module does not export
/// renameat2, which glibc declares only under _GNU_SOURCE.
int weave_rename_exchange(const char *a, const char *b);

#endif
