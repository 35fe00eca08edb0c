// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// A failure with a platform error code (2: bad parameters, 9: aborted, …) that the API wrappers
// shape per platform.
export class APIFailure extends Error {
  constructor(code, message) { super(message); this.code = code; }
}
