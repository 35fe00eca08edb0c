// Thin shim over Debian's libzstd-dev, used by OfflineCache for binary deltas (patch-from).
#ifndef HYBRID_CONTAINER_CZSTD_SHIM_H
#define HYBRID_CONTAINER_CZSTD_SHIM_H
#define ZSTD_STATIC_LINKING_ONLY_NOT_NEEDED
#include <zstd.h>
#endif
