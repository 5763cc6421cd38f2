/* store: the hall's own copy of every file of the content it shows, in the
 * state directory ("<state>/store"). Each file's bytes are kept once, named
 * by their hash and size, and never changed once written, so a kept file
 * is what the load checked, whatever staff do to the content folder later
 * (rename it, delete it, copy over it). A load reads every file through
 * the store (store_hook); what no snapshot links to any more is swept. The
 * loader thread's alone, apart from the name of its folder. */
#ifndef TWINHALL_STORE_H
#define TWINHALL_STORE_H

#include <stddef.h>

#include "content/content.h"

struct store;

/* The store in state (its folder made when missing). NULL, said in the
 * journal, when it cannot be made: the hall then reads the folder itself. */
struct store *store_open(const char *state);

/* Accepts NULL. */
void store_free(struct store *s);

/* What content_load_kept reads through; lives as long as s. */
const struct content_store *store_hook(struct store *s);

/* Deletes the kept files that no snapshot links to any more (a file of the
 * store with one link); returns how many. Call when the shown content is
 * the one the snapshot holds. */
size_t store_sweep(struct store *s);

/* Writes what the store learnt of the content's files to its index
 * ("<state>/store/.index"), when it learnt anything, so that the next
 * process neither copies nor reads again a file that did not change. Call
 * after a load. 0, or -1 (said in the journal; the next start then looks
 * at every file again). */
int store_commit(struct store *s);

#endif
