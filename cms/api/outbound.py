"""Outbound HTTP only to public destinations: the SSRF guard of webhook deliveries.

A webhook URL is chosen by whoever may edit subscriptions, and the delivery log shows what
the endpoint answered, so without a guard the log is a port scanner for the machine's own
network (``169.254.169.254``, ``10.x``, ``[::1]``, internal host names). The guard runs
twice:

- when the URL is saved (:func:`validate_destination_url`, the model field's validator):
  HTTPS only, no credentials in the URL, no IP literal or host name that is not public;
- when connecting (:func:`build_opener`): the host name is resolved, *every* address is
  checked, and the socket connects only to a checked address, so a name that resolves to
  an internal address (or is re-pointed after saving) is refused. Redirects and
  environment proxies are never followed.

Loopback is allowed (over plain HTTP too) only where ``PARTNER_API_WEBHOOK_ALLOW_HTTP_LOOPBACK``
says so: development and the tests' local receivers.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import urllib.request
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

#: Host names that always mean this machine or its private network.
LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}
INTERNAL_SUFFIXES = (".localhost", ".local", ".internal", ".intranet", ".lan", ".home.arpa")

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class UnsafeDestination(OSError):
    """The destination is not a public address; nothing was sent."""


def loopback_allowed() -> bool:
    return bool(getattr(settings, "PARTNER_API_WEBHOOK_ALLOW_HTTP_LOOPBACK", False))


def address_problem(address: Address) -> str | None:
    """Why ``address`` may not be contacted, or ``None`` if it may."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address.is_loopback:
        return None if loopback_allowed() else _("%(address)s is a loopback address.")
    if address.is_global and not address.is_multicast:
        return None
    return _("%(address)s is not a public internet address.")


def literal_address(host: str) -> Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]").split("%")[0])
    except ValueError:
        return None


def host_problem(host: str) -> str | None:
    """Why a host (name or literal) may not be used, judged without resolving it."""
    address = literal_address(host)
    if address is not None:
        problem = address_problem(address)
        return problem % {"address": address} if problem else None
    name = host.rstrip(".").lower()
    if name in LOOPBACK_NAMES:
        return None if loopback_allowed() else _("“%(host)s” is this machine.") % {"host": host}
    if "." not in name or name.endswith(INTERNAL_SUFFIXES):
        return _("“%(host)s” is an internal host name; use a public one.") % {"host": host}
    return None


def is_loopback_host(host: str) -> bool:
    address = literal_address(host)
    if address is not None:
        return address.is_loopback
    return host.rstrip(".").lower() in LOOPBACK_NAMES


def validate_destination_url(url: str) -> None:
    """Refuse a URL that is not HTTPS to a public host (the save-time check)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.username is not None or parts.password is not None:
        raise ValidationError(_("Remove the user name and password from the address."))
    if not host:
        raise ValidationError(_("The address has no host name."))
    loopback = loopback_allowed() and is_loopback_host(host)
    if parts.scheme != "https" and not (parts.scheme == "http" and loopback):
        if loopback_allowed():
            raise ValidationError(
                _("Use an HTTPS address (plain HTTP is allowed only to 127.0.0.1 or localhost).")
            )
        raise ValidationError(_("Use an HTTPS address."))
    problem = host_problem(host)
    if problem is not None:
        raise ValidationError(
            _("Webhooks go only to public addresses: %(problem)s") % {"problem": problem}
        )


def checked_addresses(host: str, port: int) -> list[tuple]:
    """``getaddrinfo`` results for ``host``, refused unless every address is public."""
    problem = host_problem(host)
    if problem is not None:
        raise UnsafeDestination(problem)
    try:
        results = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise UnsafeDestination(_("“%(host)s” cannot be resolved.") % {"host": host}) from error
    for *_rest, sockaddr in results:
        problem = address_problem(ipaddress.ip_address(sockaddr[0].split("%")[0]))
        if problem is not None:
            raise UnsafeDestination(
                _("“%(host)s” resolves to a refused address: %(problem)s")
                % {"host": host, "problem": problem % {"address": sockaddr[0]}}
            )
    return results


def create_checked_connection(
    address: tuple[str, int], timeout: float | None = None, source_address=None, **_kwargs
) -> socket.socket:
    """``socket.create_connection`` that connects only to checked addresses of the host."""
    host, port = address
    last_error: OSError | None = None
    for family, kind, proto, _name, sockaddr in checked_addresses(host, port):
        sock = socket.socket(family, kind, proto)
        try:
            if timeout is not None:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            return sock
        except OSError as error:
            sock.close()
            last_error = error
    raise last_error or UnsafeDestination(_("No address to connect to."))


class CheckedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # http.client opens every socket through this attribute (set per instance).
        self._create_connection = create_checked_connection


class CheckedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # connect() opens the TCP socket through this, then wraps it in TLS for the
        # original host name (SNI and the certificate check are unchanged).
        self._create_connection = create_checked_connection


class CheckedHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request):
        return self.do_open(CheckedHTTPConnection, req)


class CheckedHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request):
        return self.do_open(CheckedHTTPSConnection, req, context=self._context)


class NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect would re-target the request after the destination was checked."""

    def redirect_request(self, *args, **kwargs) -> None:
        return None


def build_opener(*handlers: urllib.request.BaseHandler) -> urllib.request.OpenerDirector:
    """A urllib opener that reaches only checked public addresses, directly, once."""
    return urllib.request.build_opener(
        urllib.request.ProxyHandler({}),
        CheckedHTTPHandler(),
        CheckedHTTPSHandler(),
        NoRedirects(),
        *handlers,
    )
