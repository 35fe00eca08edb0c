// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// A test of a plugin or a host imports this module alone: the container, the plugin API and
// swift-clocks' TestClock (for `TimeSource`) come with it.
@_exported import Clocks
@_exported import HybridContainer
