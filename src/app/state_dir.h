/* state_dir: where the hall keeps its last good copy of the content. The
 * usual places come from the environment (see snapshot_state_dir); when
 * none is set (neither STATE_DIRECTORY nor HOME, as under a bare service),
 * a fallback is taken and said, never silently none. */
#ifndef TWINHALL_STATE_DIR_H
#define TWINHALL_STATE_DIR_H

#include <stddef.h>
#include <sys/types.h>

enum state_dir_kind {
	STATE_DIR_SET,       /* given, or from the environment */
	STATE_DIR_SYSTEM,    /* the system's folder for it, writable */
	STATE_DIR_TEMPORARY, /* a folder of our own under tmp: lost at reboot */
	STATE_DIR_NONE,      /* nowhere: no last good copy is kept */
};

/* The system's folder tried first when the environment names none. */
#define STATE_DIR_SYSTEM_PATH "/var/lib/twinhall"

/* The folder for the last good copy, into buf: given (--state-dir) or the
 * environment's; else system when it is a writable folder; else
 * "<tmp>/twinhall-<uid>", made mode 0700 when missing and used only when
 * it is a real folder of uid's that nobody else may write. Says which. */
enum state_dir_kind state_dir_pick(const char *given, const char *system, const char *tmp,
                                   uid_t uid, char *buf, size_t size);

/* state_dir_pick with the real places, and a journal line when the folder
 * is a fallback or there is none. */
enum state_dir_kind state_dir_find(const char *given, char *buf, size_t size);

#endif
