#ifndef CGRAPHVIZ_SHIM_H
#define CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

// Swift 6 rejects reads of mutable C globals such as `Agdirected`; these
// accessors keep strict concurrency checking on for the rest of the module.
static inline Agdesc_t cgv_directed_desc(void) { return Agdirected; }
static inline Agdesc_t cgv_strict_directed_desc(void) { return Agstrictdirected; }

#endif
