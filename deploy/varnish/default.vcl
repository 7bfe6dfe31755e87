vcl 4.1;
# Bilateral's caching reverse proxy (Varnish 7.1). Readers get public pages, feeds, the API and static
# files from the cache; the app decides how long (Cache-Control s-maxage / max-age) and the app purges
# what a publication changes (bilateral/pages/cache_purge.py), so long lifetimes stay fresh.
#
# Cache key: the address alone (one site). Wagtail purges with its Site's host name, which is not the
# Host readers send, so the host is left out of the key.
#
# PURGE <url>                      drops that address (every variant)
# BAN <prefix>                     drops every address that starts with <prefix> (query strings too)
# BAN / + "X-Ban-Regex: <regex>"   drops every address the regular expression matches
# Both only from the `purgers` ACL; others get 405.

import std;

# deploy/prod.py (and the tests) write a copy with the port the app really listens on (APP_PORT).
backend app {
    .host = "127.0.0.1";
    .port = "8001";
    .connect_timeout = 5s;
    .first_byte_timeout = 120s;
    .between_bytes_timeout = 60s;
}

acl purgers {
    "127.0.0.1";
    "::1";
}

# When the app gives no lifetime at all: long enough to matter, short enough to heal anything a purge
# missed. Errors and missing pages are kept briefly.
sub fallback_ttl {
    if (!beresp.http.Cache-Control && !beresp.http.Expires) {
        if (beresp.status == 200) {
            set beresp.ttl = 1h;
        } else {
            set beresp.ttl = 2m;
        }
    }
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Purging is not allowed from this address"));
        }
        return (purge);
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Banning is not allowed from this address"));
        }
        if (req.http.X-Ban-Regex) {
            set req.http.X-Ban-Expression = "obj.http.x-url ~ " + req.http.X-Ban-Regex;
        } else {
            # The address as a literal prefix: regular-expression characters escaped.
            set req.http.X-Ban-Expression = "obj.http.x-url ~ ^" + regsuball(req.url, "([][.?*+^$(){}|\\])", "\\\1");
        }
        if (std.ban(req.http.X-Ban-Expression)) {
            return (synth(200, "Banned"));
        }
        return (synth(400, std.ban_error()));
    }

    # Only what any reader may see comes from the cache.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Editors' admin, and every subscription address (forms, captcha challenges, token links, the
    # manage page): personal or one-time, never stored.
    if (req.url ~ "^/(admin|django-admin)(/|\?|$)" || req.url ~ "^(/[a-z]{2})?/prenumerata(/|\?|$)") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # A logged-in editor (Wagtail's userbar, previews) sees pages made for them.
    if (req.http.Cookie ~ "(^|;\s*)(__Host-|__Secure-)?sessionid=") {
        return (pass);
    }
    # Any other cookie (csrftoken, analytics, language) changes nothing in a public answer: dropped,
    # so that the app's "Vary: Cookie" does not split the cache per reader.
    unset req.http.Cookie;
    # The language is in the address (Lithuanian at /, English under /en/, ?language= in the API), never
    # taken from Accept-Language; dropping it keeps "Vary: Accept-Language" from splitting the cache.
    unset req.http.Accept-Language;
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    return (lookup);
}

sub vcl_pass {
    set req.http.X-Cache-Passed = "1";
}

sub vcl_backend_response {
    # Bans match this copy of the address (a ban on obj.* can be evaluated by the ban lurker).
    set beresp.http.x-url = bereq.url;
    if (bereq.uncacheable) {
        return (deliver);
    }
    call fallback_ttl;
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)"
        || beresp.http.Vary == "*"
        || beresp.status >= 500
        || (beresp.status != 200 && beresp.status != 203 && beresp.status != 204 && beresp.status != 301
            && beresp.status != 302 && beresp.status != 304 && beresp.status != 307 && beresp.status != 308
            && beresp.status != 404 && beresp.status != 410)
        # A redirect to https is the answer to a plain-http request only; the key has no scheme.
        || (beresp.status >= 300 && beresp.status < 400 && beresp.http.Location ~ "^https://")
        || beresp.ttl <= 0s) {
        # Hit-for-miss: the next request goes to the app, and may be stored if that answer can be.
        set beresp.ttl = 30s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # A stale copy is served while a fresh one is fetched, and kept for conditional refetches (ETag).
    set beresp.grace = 1h;
    set beresp.keep = 1d;
    return (deliver);
}

sub vcl_synth {
    # Purge and ban answers: one plain line, not an error page.
    if (req.method == "PURGE" || req.method == "BAN") {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        set resp.body = resp.reason + {"
"};
        return (deliver);
    }
}

sub vcl_deliver {
    unset resp.http.x-url;
    if (req.http.X-Cache-Passed) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
