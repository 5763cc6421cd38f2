/* sync_status: what the content sync (tools/twinhall-sync) last did, from
 * the status file it leaves beside the hall's state (key=value lines, see
 * docs/architecture.md), for the staff panel. */
#ifndef TWINHALL_SYNC_STATUS_H
#define TWINHALL_SYNC_STATUS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

enum sync_result {
	SYNC_NONE,     /* no status file: the PC is not set up for git */
	SYNC_OK,       /* the content folder holds the branch's tip */
	SYNC_REJECTED, /* the tip fails --check; the folder keeps the last good commit */
	SYNC_FAILED,   /* the repository unreachable, git failed... */
};

struct sync_status {
	enum sync_result result;
	time_t time, ok_time; /* this run, the last good one; 0: none */
	char branch[64];
	char detail[256];
};

/* Reads the key=value text s (keys it does not know are skipped); false,
 * with SYNC_NONE, when there is no result line it knows. */
bool sync_status_parse(const char *s, struct sync_status *out);

/* The status file of the sync beside the hall's state folder state
 * (<state>/../sync/status, as the package lays them out), into *out;
 * SYNC_NONE when there is none. Reads at most 4 KiB. */
void sync_status_read(const char *state, struct sync_status *out);

#endif
