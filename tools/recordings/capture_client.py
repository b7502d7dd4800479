#!/usr/bin/env python3
"""Requests the client makes beyond the capture kit's 48, recorded in the kit's format (name, method, path,
sent_headers, status, content_type, headers, body, json): who the server takes a key for (/mj/admin/current, the
free request Test-MjServer uses to tell guest mode), tasks in every state (seed, CANCEL, FAILURE, a cancel by the
administrator), and the code -1 envelope of a too long state.
usage: capture_client.py BASEURL OUT.json guest|noguest   (127.0.0.1 only)
The server runs with the kit's tokens (adm-secret-1, usr-secret-1) and, for 'guest', tasks seeded with the kit's
seed_real_db.py (ids 1796600847203001, ...902 running, ...903 failed, ...907 CANCEL, ...908 with a seed)."""
import sys, json, http.client, urllib.parse
base, out, mode = sys.argv[1], sys.argv[2], sys.argv[3]
u = urllib.parse.urlparse(base)
assert u.hostname == '127.0.0.1', 'talks to 127.0.0.1 only'
ADM, USR = 'adm-secret-1', 'usr-secret-1'
J = lambda o: json.dumps(o)
CT = {'Content-Type': 'application/json'}
reqs = [
 # As the module sends it (Accept: application/json): ASP.NET Core then writes a refusal string as a JSON string.
 ('cancel-missing-acceptjson', 'POST', '/mj/task/1234567890123456/cancel', None, {'Accept': 'application/json'}),
 ('cancel-missing-user-acceptjson', 'POST', '/mj/task/1234567890123456/cancel', None, {'Accept': 'application/json', 'Authorization': USR}),
 ('admin-accounts-user-acceptjson', 'GET', '/mj/admin/accounts', None, {'Accept': 'application/json', 'Authorization': USR}),
 ('current-nokey', 'GET', '/mj/admin/current', None, {}),
 ('current-wrongkey', 'GET', '/mj/admin/current', None, {'Authorization': 'wrong-key'}),
 ('current-wrongsecret', 'GET', '/mj/admin/current', None, {'mj-api-secret': 'wrong-key'}),
 ('current-user', 'GET', '/mj/admin/current', None, {'Authorization': USR}),
 ('current-user-secret', 'GET', '/mj/admin/current', None, {'mj-api-secret': USR}),
 ('current-user-bearer', 'GET', '/mj/admin/current', None, {'Authorization': 'Bearer ' + USR}),
 ('current-admin', 'GET', '/mj/admin/current', None, {'Authorization': ADM}),
 ('fetch-wrongkey', 'GET', '/mj/task/1000000000000001/fetch', None, {'Authorization': 'wrong-key'}),
 ('fetch-user-bearer', 'GET', '/mj/task/1000000000000001/fetch', None, {'Authorization': 'Bearer ' + USR}),
]
if mode == 'guest':
    reqs += [
     ('fetch-seeded', 'GET', '/mj/task/1796600847203908/fetch', None, {'Authorization': USR}),
     ('seed-seeded', 'GET', '/mj/task/1796600847203908/image-seed', None, {'Authorization': USR}),
     ('fetch-cancel-status', 'GET', '/mj/task/1796600847203907/fetch', None, {'Authorization': USR}),
     ('fetch-failed', 'GET', '/mj/task/1796600847203903/fetch', None, {'Authorization': USR}),
     ('fetch-running', 'GET', '/mj/task/1796600847203902/fetch', None, {'Authorization': USR}),
     ('cancel-running-user', 'POST', '/mj/task/1796600847203902/cancel', None, {'Authorization': USR}),
     ('cancel-running-admin', 'POST', '/mj/task/1796600847203902/cancel', None, {'Authorization': ADM}),
     ('fetch-cancelled', 'GET', '/mj/task/1796600847203902/fetch', None, {'Authorization': USR}),
     ('blend-long-state', 'POST', '/mj/submit/blend', J({'base64Array': ['data:image/png;base64,AA==', 'data:image/png;base64,AA=='], 'state': 'x' * 256}), dict(CT, Authorization=USR)),
     ('imagine-long-state', 'POST', '/mj/submit/imagine', J({'prompt': 'red mug', 'state': 'x' * 256}), dict(CT, Authorization=USR)),
    ]
res = []
for name, m, path, body, hdr in reqs:
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    c.request(m, path, body=body.encode() if body else None, headers=hdr)
    r = c.getresponse()
    txt = r.read().decode('utf-8', 'replace')
    try: parsed = json.loads(txt) if txt else None
    except Exception: parsed = None
    res.append({'name': name, 'method': m, 'path': path, 'sent_headers': hdr, 'status': r.status,
                'content_type': r.getheader('Content-Type'), 'headers': dict(r.getheaders()), 'body': txt[:4000], 'json': parsed})
    c.close()
json.dump(res, open(out, 'w'), indent=1, ensure_ascii=False)
for r in res:
    print(f"{r['name']:22} {r['method']:4} {r['path']:42} {r['status']} {str(r['content_type'])[:31]:31} {r['body'][:140]!r}")
