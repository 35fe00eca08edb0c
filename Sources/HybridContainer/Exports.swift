// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

@_exported import BuiltInPlugins
@_exported import JSBridge
@_exported import OfflineCache
@_exported import Plugins
