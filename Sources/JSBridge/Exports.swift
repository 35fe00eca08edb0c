// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// JSONValue, BridgeError, AppNumbers and the identity types are part of this module's API.
@_exported import HybridTypes
