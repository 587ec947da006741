#!/usr/bin/env node
// The test "browser" for the PKCE sign-in (set as BROWSER): GETs the authorize URL, follows the stand-in's one 302
// to the loopback listener, and exits. No real browser and no JavaScript, as spec §12.1 asks.
const url = process.argv[2];
if (url === undefined) process.exit(2);
const first = await fetch(url, { redirect: 'manual' });
const location = first.headers.get('location');
if (location !== null) await fetch(location, { redirect: 'manual' });
