/*
 * arena: a bump allocator, released all at once.
 *
 * arena_new() returns an empty arena; arena_alloc() carves zeroed,
 * suitably aligned memory from chunks of ARENA_CHUNK bytes (a larger
 * request gets a chunk of its own); arena_free() releases every chunk and
 * everything allocated from it, and returns NULL.  arena_free(NULL) does
 * nothing.  Allocation failures return NULL and are sticky: arena_error()
 * tells whether any allocation failed.  An arena is not thread-safe; one
 * owner uses it at a time.
 */
#ifndef NEF_ARENA_H
#define NEF_ARENA_H

#include <stddef.h>

#define ARENA_CHUNK	16384

struct arena;

struct arena *arena_new(void);
struct arena *arena_free(struct arena *);
void	*arena_alloc(struct arena *, size_t);
/* A NUL-terminated copy of s[0..len) (s may be NULL when len is 0). */
char	*arena_strndup(struct arena *, const char *s, size_t len);
char	*arena_strdup(struct arena *, const char *s);
/* Grow an array of n elements of size sz to at least want; see arena.c. */
void	*arena_grow(struct arena *, void *old, size_t n, size_t sz,
	    size_t *cap, size_t want);
int	 arena_error(const struct arena *);
/* Bytes handed out so far (for limits and tests). */
size_t	 arena_used(const struct arena *);

#endif
