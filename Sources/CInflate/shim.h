// zlib's inflate, for reading package entries with bounds the package reader controls.
#include <zlib.h>
