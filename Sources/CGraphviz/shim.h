#ifndef CGRAPHVIZ_SHIM_H
#define CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <graphviz/types.h>
#include <stdint.h>
#include <string.h>

// Swift 6 rejects reads of mutable C globals such as `Agdirected`; these
// accessors keep strict concurrency checking on for the rest of the module.
static inline Agdesc_t cgv_directed_desc(void) { return Agdirected; }
static inline Agdesc_t cgv_strict_directed_desc(void) { return Agstrictdirected; }

// Repairs a stale pointer that dot's layout leaves behind, so that
// gvFreeLayout does not free memory twice (Graphviz 2.42, lib/dotgen).
//
// Each rank of the root graph keeps two pointers to its node array: `v`,
// which the layout uses, and `av`, the allocation that dot_cleanup_graph
// frees. mincross's merge2 sets v = av. After that, flat_node's
// make_vn_slot (a label on an edge between two nodes of one rank) and
// position's make_leafslots grow the array with realloc and store the
// result in `v` only; `av` still points at the block realloc released, and
// gvFreeLayout frees it a second time ("free(): double free detected",
// SIGABRT). The `dot` program does not crash only because it never frees
// its last graph's layout.
//
// After a dot layout, and before gvFreeLayout, `v` of each root rank is
// the live allocation, so the repair points `av` at it. It does nothing
// for other layouts (no rank arrays) or a layout that never ran.
static inline void cgv_repair_dot_ranks(Agraph_t *graph) {
  if (graph == NULL || agroot(graph) != graph) return;
  if (agbindrec(graph, "Agraphinfo_t", 0, 1) == NULL) return;
  rank_t *ranks = GD_rank(graph);
  if (ranks == NULL) return;
  for (int r = GD_minrank(graph); r <= GD_maxrank(graph); r++) {
    ranks[r].av = ranks[r].v;
  }
}

// Parsing with ids in the order objects are created.
//
// cgraph 2.42's default id discipline uses the address of a name in the
// string pool as the object's id, and iterates subgraphs in id order. So
// the order of clusters, and with it dot's whole layout, depended on where
// malloc happened to put the names: two renders of one graph in one
// process could differ, and a render depended on what the process had
// allocated before. This discipline numbers objects 1, 2, 3, ... in the
// order they are created (named ones even, anonymous ones odd), so ids
// follow the order of the DOT text.
//
// It keeps its own table from (object type, pooled name) to id rather than
// cgraph's internal name map, because closing any subgraph (neato's
// connected components do) closes the internal map of the whole graph in
// 2.42. As with the default discipline, one name of one type has one id,
// however many objects use it (a subgraph name under two parents); the
// entry counts its users, and is freed with the last. The table is
// allocated in the graph's heap (agalloc) and freed by the discipline's
// close, which agclose calls before it closes the heap.

typedef struct {
  int type;       // AGRAPH, AGNODE or AGEDGE
  char *name;     // the pooled string (agstrdup), NULL when free
  IDTYPE id;
  size_t users;   // objects created with this name (map with create)
} cgv_id_entry;

typedef struct {
  Agraph_t *graph;
  IDTYPE next;          // the next sequence number
  cgv_id_entry *entries;
  size_t count;
  size_t capacity;
  size_t *slots;        // open-addressing index by name: entry index + 1, 0 empty
  size_t slotCount;     // a power of two, at least twice `capacity`
} cgv_id_table;

static size_t cgv_ids_hash(int type, const char *name, size_t slotCount) {
  uint64_t key = (uint64_t)(uintptr_t)name ^ ((uint64_t)type << 61);
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdULL;
  key ^= key >> 33;
  return (size_t)key & (slotCount - 1);
}

// Rebuilds the index with `slotCount` slots. Returns 0 when out of memory.
static int cgv_ids_reindex(cgv_id_table *table, size_t slotCount) {
  size_t *slots = agalloc(table->graph, slotCount * sizeof(size_t));
  if (slots == NULL) return 0;
  memset(slots, 0, slotCount * sizeof(size_t));
  for (size_t i = 0; i < table->count; i++) {
    size_t slot = cgv_ids_hash(table->entries[i].type, table->entries[i].name, slotCount);
    while (slots[slot] != 0) slot = (slot + 1) & (slotCount - 1);
    slots[slot] = i + 1;
  }
  if (table->slots) agfree(table->graph, table->slots);
  table->slots = slots;
  table->slotCount = slotCount;
  return 1;
}

static void *cgv_ids_open(Agraph_t *graph, Agdisc_t *disc) {
  (void)disc;
  cgv_id_table *table = agalloc(graph, sizeof(cgv_id_table));
  if (table == NULL) return NULL;
  table->graph = graph;
  table->next = 1;
  table->entries = NULL;
  table->count = 0;
  table->capacity = 0;
  table->slots = NULL;
  table->slotCount = 0;
  return table;
}

static int cgv_ids_type(int objtype) { return objtype == AGINEDGE ? AGEDGE : objtype; }

// A freed entry keeps its slot with a NULL name, so it never matches a
// pooled pointer that malloc later hands out again.
static cgv_id_entry *cgv_ids_find_name(cgv_id_table *table, int type, char *name) {
  if (table->slotCount == 0) return NULL;
  size_t slot = cgv_ids_hash(type, name, table->slotCount);
  while (table->slots[slot] != 0) {
    cgv_id_entry *entry = &table->entries[table->slots[slot] - 1];
    if (entry->name == name && entry->type == type) return entry;
    slot = (slot + 1) & (table->slotCount - 1);
  }
  return NULL;
}

static cgv_id_entry *cgv_ids_find_id(cgv_id_table *table, int type, IDTYPE id) {
  // Ids grow with the index, so a binary search finds them.
  size_t low = 0, high = table->count;
  while (low < high) {
    size_t middle = low + (high - low) / 2;
    if (table->entries[middle].id < id) low = middle + 1; else high = middle;
  }
  if (low < table->count && table->entries[low].id == id && table->entries[low].type == type &&
      table->entries[low].name != NULL) {
    return &table->entries[low];
  }
  return NULL;
}

static long cgv_ids_map(void *state, int objtype, char *name, IDTYPE *id, int create) {
  cgv_id_table *table = state;
  int type = cgv_ids_type(objtype);
  if (name == NULL) {
    if (!create) return 0;
    *id = 2 * table->next++ + 1;  // anonymous: odd
    return 1;
  }
  char *pooled = agstrbind(table->graph, name);
  cgv_id_entry *found = pooled ? cgv_ids_find_name(table, type, pooled) : NULL;
  if (!create) {
    if (found == NULL) return 0;
    *id = found->id;
    return 1;
  }
  if (found != NULL) {  // the name is in use: the same id, one more user
    found->users++;
    *id = found->id;
    return 1;
  }
  if (table->count == table->capacity) {
    size_t capacity = table->capacity ? 2 * table->capacity : 64;
    cgv_id_entry *grown = agrealloc(table->graph, table->entries,
                                    table->capacity * sizeof(cgv_id_entry),
                                    capacity * sizeof(cgv_id_entry));
    if (grown == NULL) return 0;
    table->entries = grown;
    if (!cgv_ids_reindex(table, 4 * capacity)) return 0;  // capacity unchanged on failure
    table->capacity = capacity;
  }
  size_t index = table->count++;
  cgv_id_entry *entry = &table->entries[index];
  entry->type = type;
  entry->name = agstrdup(table->graph, name);
  entry->users = 1;
  entry->id = 2 * table->next++;  // named: even
  size_t slot = cgv_ids_hash(type, entry->name, table->slotCount);
  while (table->slots[slot] != 0) slot = (slot + 1) & (table->slotCount - 1);
  table->slots[slot] = index + 1;
  *id = entry->id;
  return 1;
}

static long cgv_ids_alloc(void *state, int objtype, IDTYPE request) {
  (void)state; (void)objtype; (void)request;
  return 0;  // no ids chosen by the caller, as the default
}

static void cgv_ids_free(void *state, int objtype, IDTYPE id) {
  cgv_id_table *table = state;
  cgv_id_entry *entry = cgv_ids_find_id(table, cgv_ids_type(objtype), id);
  if (entry == NULL) return;
  if (entry->users > 1) {
    entry->users--;
    return;
  }
  agstrfree(table->graph, entry->name);
  entry->name = NULL;
  entry->users = 0;
}

static char *cgv_ids_print(void *state, int objtype, IDTYPE id) {
  cgv_id_entry *entry = cgv_ids_find_id(state, cgv_ids_type(objtype), id);
  return entry ? entry->name : NULL;
}

// Called by agclose of the root graph, while its heap is still open.
static void cgv_ids_close(void *state) {
  cgv_id_table *table = state;
  if (table == NULL) return;
  Agraph_t *graph = table->graph;
  if (table->slots) agfree(graph, table->slots);
  if (table->entries) agfree(graph, table->entries);
  agfree(graph, table);
}

static void cgv_ids_register(void *state, int objtype, void *object) {
  (void)state; (void)objtype; (void)object;
}

typedef struct {
  const char *data;
  size_t length;
  size_t position;
} cgv_memory_reader;

// The io discipline's read: one line at a time, as agmemread's reader.
static int cgv_memory_read(void *channel, char *buffer, int size) {
  cgv_memory_reader *reader = channel;
  if (size <= 0 || reader->position >= reader->length) return 0;
  int count = 0;
  char c;
  do {
    c = reader->data[reader->position++];
    buffer[count++] = c;
  } while (c != '\n' && count < size && reader->position < reader->length);
  return count;
}

// agmemread with the sequential id discipline. Not thread-safe (nor is
// Graphviz): call it under the renderer's lock.
static inline Agraph_t *cgv_read_dot(const char *text) {
  static Agiddisc_t ids = {cgv_ids_open,  cgv_ids_map,   cgv_ids_alloc,   cgv_ids_free,
                           cgv_ids_print, cgv_ids_close, cgv_ids_register};
  static Agiodisc_t io;
  static int ready = 0;
  if (!ready) {
    io = AgIoDisc;
    io.afread = cgv_memory_read;
    ready = 1;
  }
  cgv_memory_reader reader = {text, strlen(text), 0};
  Agdisc_t disc = {&AgMemDisc, &ids, &io};
  return agread(&reader, &disc);
}

#endif
