// The cached addresses that start with a prefix, for purging by prefix (deploy/nginx/proxy.conf).
//
// ngx_cache_purge drops one address at a time; a publication also has to drop addresses nobody can list
// in advance (every ?as_of= of a page, every query of the API). nginx keeps each cached answer in one
// file whose header holds its key ("\nKEY: <address>\n"): this reads the keys, and the app purges each
// one it is given (bilateral/caching/cache_purge.py), so that nginx itself drops them.
import fs from 'fs';

// The key sits in the first bytes of a cache file; an address longer than this is not a reader's.
const HEADER_BYTES = 16384;
const KEY_MARK = '\nKEY: ';

function list(r) {
    const prefix = r.headersIn['X-Key-Prefix'];
    if (prefix === undefined || prefix === '') {
        r.return(400, 'X-Key-Prefix is required (an address prefix, such as /api/)\n');
        return;
    }
    const keys = [];
    collect(r.variables.cache_dir, prefix, keys);
    r.headersOut['Content-Type'] = 'text/plain; charset=utf-8';
    r.headersOut['Cache-Control'] = 'no-store';
    r.return(200, keys.map((key) => key + '\n').join(''));
}

function collect(directory, prefix, keys) {
    let entries;
    try {
        entries = fs.readdirSync(directory, {withFileTypes: true});
    } catch (e) {
        return;  // not created yet (nothing cached), or removed by nginx meanwhile
    }
    for (let i = 0; i < entries.length; i++) {
        const entry = entries[i];
        const path = directory + '/' + entry.name;
        if (entry.isDirectory()) {
            collect(path, prefix, keys);
        } else if (entry.isFile()) {
            const key = cachedKey(path);
            if (key !== null && key.startsWith(prefix)) {
                keys.push(key);
            }
        }
    }
}

function cachedKey(path) {
    let fd;
    try {
        fd = fs.openSync(path, 'r');
    } catch (e) {
        return null;  // evicted between the listing and now
    }
    try {
        const buffer = Buffer.alloc(HEADER_BYTES);
        const length = fs.readSync(fd, buffer, 0, HEADER_BYTES, 0);
        const header = buffer.toString('utf8', 0, length);
        const start = header.indexOf(KEY_MARK);
        if (start < 0) {
            return null;
        }
        const end = header.indexOf('\n', start + KEY_MARK.length);
        return end < 0 ? null : header.slice(start + KEY_MARK.length, end);
    } finally {
        fs.closeSync(fd);
    }
}

export default {list};
