#!/usr/bin/env python3
"""Requests on tasks put into a real trueai server's database with the capture kit's seed_real_db.py, beyond capture2.py:
buttons the controller does not route, seeds, cancel by each kind of caller, the LogicException texts (state and
notifyHook too long) and the request checks of describe, edits, retexture, video, upload and modal.

usage: capture_tasks_more.py BASEURL OUT.json GRID SHORT
  GRID   id of a finished IMAGINE grid that seed_real_db.py inserted (it prints it); the script also uses the synthetic
         rows it adds after it: GRID+901 (IN_PROGRESS), GRID+903 (NOT_START), GRID+907 (SUCCESS with seed 1234567890)
  SHORT  id of a finished SHORTEN task from the same list
The server must run with EnableGuest=true, Redis on, and the kit's tokens (adm-secret-1, usr-secret-1). 127.0.0.1 only.
The output: {"source", "ids": {role: id, GRID_HASH and SHORT_HASH: their job hashes}, "requests": [{name, method, path, sent_headers, request, status, content_type,
body, json}]}; a replay maps each role's id (and its job hash) to a task of the same kind."""
import sys, json, http.client, urllib.parse

base, out, grid, short = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
u = urllib.parse.urlparse(base)
assert u.hostname == '127.0.0.1', 'talks to 127.0.0.1 only'
g = int(grid)
ids = {'GRID': grid, 'SHORT': short, 'RUNNING': str(g + 901), 'WAITING': str(g + 903), 'SEEDED': str(g + 907)}
ADMIN, USER = 'adm-secret-1', 'usr-secret-1'
PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAIAAAAlC+aJAAAAeUlEQVR4nO3PQQkAMAzAwCqpfymTNRF7HINABFzm7H7dcEEDWtCAFjSgBQ1oQQNa0IAWNKAFDWhBA1rQgBY0oAUNaEEDWtCAFjSgBQ1oQQNa0IAWNKAFDWhBA1rQgBY0oAUNaEEDWtCAFjSgBQ1oQQNa0IAWNKAFj13Kp0DxHeM4GQAAAABJRU5ErkJggg=='


def call(method, path, body=None, key=ADMIN, content_type='application/json'):
    headers = {}
    if key: headers['Authorization'] = key
    if body is not None: headers['Content-Type'] = content_type
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    try:
        c.request(method, path, body=body.encode() if body is not None else None, headers=headers)
        r = c.getresponse()
        text = r.read().decode('utf-8', 'replace')
        try: parsed = json.loads(text) if text else None
        except Exception: parsed = None
        return headers, r.status, r.getheader('Content-Type'), text, parsed
    finally:
        c.close()


def task(i):
    return call('GET', f'/mj/task/{i}/fetch')[4]


grid_hash = task(grid)['properties']['messageHash']
u1 = [b['customId'] for b in task(grid)['buttons'] if b.get('label') == 'U1'][0]
pick = task(short)['buttons'][0]['customId']
ids['GRID_HASH'], ids['SHORT_HASH'] = grid_hash, task(short)['properties']['messageHash']
J = json.dumps
long_state = 'x' * 256
reqs = [
    ('action-bookmark', 'POST', '/mj/submit/action', J({'taskId': grid, 'customId': 'MJ::BOOKMARK::' + grid_hash}), ADMIN),
    ('action-promptanalyzer', 'POST', '/mj/submit/action', J({'taskId': short, 'customId': pick}), ADMIN),
    ('seed-seeded', 'GET', f"/mj/task/{ids['SEEDED']}/image-seed", None, ADMIN),
    ('fetch-seeded', 'GET', f"/mj/task/{ids['SEEDED']}/fetch", None, ADMIN),
    ('seed-running', 'GET', f"/mj/task/{ids['RUNNING']}/image-seed", None, ADMIN),
    ('fetch-running', 'GET', f"/mj/task/{ids['RUNNING']}/fetch", None, ADMIN),
    ('cancel-running-guest', 'POST', f"/mj/task/{ids['RUNNING']}/cancel", None, None),
    ('cancel-running-user', 'POST', f"/mj/task/{ids['RUNNING']}/cancel", None, USER),
    ('cancel-running-admin', 'POST', f"/mj/task/{ids['RUNNING']}/cancel", None, ADMIN),
    ('fetch-after-cancel', 'GET', f"/mj/task/{ids['RUNNING']}/fetch", None, ADMIN),
    ('cancel-again-admin', 'POST', f"/mj/task/{ids['RUNNING']}/cancel", None, ADMIN),
    ('imagine-state-too-long', 'POST', '/mj/submit/imagine', J({'prompt': 'red mug', 'state': long_state}), ADMIN),
    ('imagine-hook-too-long', 'POST', '/mj/submit/imagine', J({'prompt': 'red mug', 'notifyHook': 'http://127.0.0.1:9/' + 'x' * 2000}), ADMIN),
    ('blend-state-too-long', 'POST', '/mj/submit/blend', J({'base64Array': [PNG, PNG], 'state': long_state}), ADMIN),
    ('shorten-state-too-long', 'POST', '/mj/submit/shorten', J({'prompt': 'red mug', 'state': long_state}), ADMIN),
    ('action-state-too-long', 'POST', '/mj/submit/action', J({'taskId': grid, 'customId': u1, 'state': long_state}), ADMIN),
    ('describe-bad-link', 'POST', '/mj/submit/describe', J({'link': 'ftp://127.0.0.1/x.png'}), ADMIN),
    ('describe-bad-base64', 'POST', '/mj/submit/describe', J({'base64': 'not base64!!', 'link': 'http://127.0.0.1:9/x.png'}), ADMIN),
    ('edits-empty', 'POST', '/mj/submit/edits', J({'prompt': 'red mug'}), ADMIN),
    ('retexture-empty', 'POST', '/mj/submit/retexture', J({'image': PNG}), ADMIN),
    ('retexture-bad-base64', 'POST', '/mj/submit/retexture', J({'prompt': 'red mug', 'image': 'not base64!!'}), ADMIN),
    ('video-no-prompt', 'POST', '/mj/submit/video', J({'image': PNG}), ADMIN),
    ('video-extend-no-task', 'POST', '/mj/submit/video', J({'action': 'extend', 'prompt': 'more'}), ADMIN),
    ('video-wrong-action', 'POST', '/mj/submit/video', J({'action': 'Extend', 'taskId': grid, 'prompt': 'more'}), ADMIN),
    ('video-extend-unfinished', 'POST', '/mj/submit/video', J({'action': 'extend', 'taskId': ids['RUNNING'], 'prompt': 'more'}), ADMIN),
    ('upload-empty', 'POST', '/mj/submit/upload-discord-images', J({'base64Array': []}), ADMIN),
    ('modal-no-task-id', 'POST', '/mj/submit/modal', J({'prompt': 'x'}), ADMIN),
    ('action-unfinished', 'POST', '/mj/submit/action', J({'taskId': ids['WAITING'], 'customId': u1}), ADMIN),
    ('lbc-text-plain', 'POST', '/mj/task/list-by-condition', J({'ids': [grid]}), ADMIN),
    ('lbc-dup-and-unknown', 'POST', '/mj/task/list-by-condition', J({'ids': [grid, ' ' + grid + ' ', '1234567890123456', grid]}), ADMIN),
]
res = []
for name, method, path, body, key in reqs:
    sent, status, ctype, text, parsed = call(method, path, body, key, 'text/plain' if name == 'lbc-text-plain' else 'application/json')
    res.append({'name': name, 'method': method, 'path': path, 'sent_headers': sent, 'request': body, 'status': status,
                'content_type': ctype, 'body': text[:4000], 'json': parsed})
source = 'trueai midjourney-proxy 11.10.3, EnableGuest=true, Redis on, no account; tasks from seed_real_db.py'
json.dump({'source': source, 'ids': ids, 'requests': res}, open(out, 'w'), indent=1, ensure_ascii=False)
for r in res:
    b = r['body']
    if isinstance(r['json'], dict) and 'id' in r['json']: b = f"<task {r['json'].get('action')} {r['json'].get('status')} {r['json'].get('failReason')}>"
    if isinstance(r['json'], list): b = f"<list {[t.get('id') for t in r['json']]}>"
    print(f"{r['name']:24} {r['method']:4} {r['status']} {str(r['content_type'])[:31]:31} {b[:120]!r}")
