// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// The mini-program framework's entry: definitions (App/Page/Component), then the page stack
// and the hooks the container calls, then the API namespaces. Each module defines its globals
// when it runs, in this order.
import './framework.js';
import './page-stack.js';
import './apis.js';
