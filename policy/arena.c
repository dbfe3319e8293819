/*
 * NAME
 *	arena 3 - bump allocator released all at once
 * SUMMARY
 *	many small allocations, one free
 * SYNOPSIS
 *	#include "arena.h"
 *
 *	struct arena *a = arena_new();
 *	char *s = arena_strndup(a, p, n);
 *	a = arena_free(a);
 * DESCRIPTION
 *	Chunks are kept in a singly linked list, newest first; allocation
 *	takes from the newest chunk and starts a new one when it is full.
 *	Requests larger than a quarter of ARENA_CHUNK get a chunk of their
 *	own, linked behind the current one so that the current chunk's
 *	free space is not wasted.
 *
 *	arena_grow() reallocates an array inside the arena: it doubles the
 *	capacity (at least to want) and copies the old elements; the old
 *	block is not reused (the arena frees everything at the end).
 * DIAGNOSTICS
 *	NULL on allocation failure or size overflow; arena_error() is then
 *	non-zero for the rest of the arena's life.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define ALIGN		16

struct chunk {
	struct chunk	*ch_next;
	size_t		 ch_size, ch_used;
	_Alignas(16) unsigned char ch_data[];
};

struct arena {
	struct chunk	*ar_head;
	size_t		 ar_total;
	int		 ar_err;
};

static struct chunk *chunk_new(size_t);

static struct chunk *
chunk_new(size_t size)
{
	struct chunk	*c;

	if (size > SIZE_MAX - sizeof *c)
		return NULL;
	c = malloc(sizeof *c + size);
	if (c == NULL)
		return NULL;
	c->ch_next = NULL;
	c->ch_size = size;
	c->ch_used = 0;
	return c;
}

struct arena *
arena_new(void)
{
	return calloc(1, sizeof(struct arena));
}

struct arena *
arena_free(struct arena *a)
{
	struct chunk	*c, *next;

	if (a == NULL)
		return NULL;
	for (c = a->ar_head; c != NULL; c = next) {
		next = c->ch_next;
		free(c);
	}
	free(a);
	return NULL;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct chunk	*c;
	size_t		 need;
	void		*p;

	if (a == NULL || a->ar_err)
		return NULL;
	if (n > SIZE_MAX - ALIGN) {
		a->ar_err = 1;
		return NULL;
	}
	need = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	if (need == 0)
		need = ALIGN;
	c = a->ar_head;
	if (need > ARENA_CHUNK / 4) {
		c = chunk_new(need);
		if (c == NULL) {
			a->ar_err = 1;
			return NULL;
		}
		if (a->ar_head == NULL)
			a->ar_head = c;
		else {
			c->ch_next = a->ar_head->ch_next;
			a->ar_head->ch_next = c;
		}
	} else if (c == NULL || c->ch_size - c->ch_used < need) {
		c = chunk_new(ARENA_CHUNK);
		if (c == NULL) {
			a->ar_err = 1;
			return NULL;
		}
		c->ch_next = a->ar_head;
		a->ar_head = c;
	}
	p = c->ch_data + c->ch_used;
	c->ch_used += need;
	a->ar_total += need;
	memset(p, 0, n);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t len)
{
	char	*p;

	if (len == SIZE_MAX) {
		if (a != NULL)
			a->ar_err = 1;
		return NULL;
	}
	p = arena_alloc(a, len + 1);
	if (p == NULL)
		return NULL;
	if (len > 0)
		memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return s == NULL ? NULL : arena_strndup(a, s, strlen(s));
}

void *
arena_grow(struct arena *a, void *old, size_t n, size_t sz, size_t *cap,
    size_t want)
{
	size_t	ncap = *cap == 0 ? 8 : *cap;
	void	*p;

	if (want <= *cap)
		return old;
	while (ncap < want) {
		if (ncap > SIZE_MAX / 2)
			break;
		ncap *= 2;
	}
	if (ncap < want || (sz != 0 && ncap > SIZE_MAX / sz)) {
		if (a != NULL)
			a->ar_err = 1;
		return NULL;
	}
	p = arena_alloc(a, ncap * sz);
	if (p == NULL)
		return NULL;
	if (n > 0)
		memcpy(p, old, n * sz);
	*cap = ncap;
	return p;
}

int
arena_error(const struct arena *a)
{
	return a == NULL || a->ar_err;
}

size_t
arena_used(const struct arena *a)
{
	return a == NULL ? 0 : a->ar_total;
}
