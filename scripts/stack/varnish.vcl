vcl 4.1;
# Varnish in front of the app servers (`make serve`, tests/stack).
#
# scripts/serve-stack writes backends.vcl into the instance's directory: one backend per app
# server and, in its vcl_init, a round-robin director `app` over them. Public pages, listings, feeds, the sitemap and
# anonymous API reads are cached; the CMS purges them on publish, unpublish and move through
# wagtail.contrib.frontend_cache (cms/ops/purge.py), sending PURGE from loopback:
#   PURGE /fi/uutiset/          drops that path, with any query string, in every host
#   PURGE /fi/feeds/news/*      drops every path under the prefix
# Purges are bans on the stored URL, so variants (Accept-Language, query strings) go too.

import directors;
import std;

include "backends.vcl";

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = app.backend();
    # Behind a TLS terminator, keep the scheme it reports; otherwise this is plain HTTP.
    if (!req.http.X-Forwarded-Proto) {
        set req.http.X-Forwarded-Proto = "http";
    }
    # One id per request, logged by the app on every line: the epoch second keeps ids
    # unique across restarts of Varnish (whose transaction ids start again from 1).
    if (!req.http.X-Request-ID) {
        set req.http.X-Request-ID = "v" + std.integer(time=now) + "-" + req.xid;
    }

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "PURGE not allowed from " + client.ip));
        }
        if (req.url ~ "\*$") {
            ban("obj.http.x-url ~ ^" + regsub(req.url, "\*$", ""));
        } else {
            ban("obj.http.x-url ~ ^" + regsub(req.url, "\?.*$", "") + "(\?|$)");
        }
        return (synth(200, "Purged"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Editors, share links, health checks and partners with a key always reach the app.
    if (req.url ~ "^/(admin|django-admin)/" || req.url ~ "^/[a-z]{2}/_share/"
        || req.url ~ "^/(healthz|readyz)$"
        || req.http.Authorization || req.http.X-Api-Key) {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # The public site and the API set no cookie an anonymous reader needs.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    set beresp.http.x-url = bereq.url;
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    # Pages carry no max-age of their own: keep them until a purge, up to a day.
    if (beresp.status == 200 && !beresp.http.Cache-Control) {
        set beresp.ttl = 1d;
    }
    if (beresp.status >= 500) {
        set beresp.ttl = 0s;
        set beresp.uncacheable = true;
    }
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-url;
    # A cached page keeps the id of the request that filled the cache; report this one's.
    set resp.http.X-Request-ID = req.http.X-Request-ID;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
