#!/usr/bin/env python3
"""The admin API of a real TrueAI midjourney-proxy, recorded for issue 19 (accounts, users, banned words).

usage: capture_admin.py BASEURL DB OUTDIR
       capture_admin.py BASEURL DB --seed-only     (only put the five accounts into the database)
  BASEURL  the server (127.0.0.1 only), started with the capture kit's start-server.sh (GUEST=true REDIS=true)
  DB       its SQLite database (<RUNDIR>/run/data/mj_sqlite.db); five accounts are put straight into it
  OUTDIR   where admin-*.json are written (admin-after-check.json about 75 s after the others)

The accounts carry made-up secrets that all start with "SECRET-" (user token, cookie, bot token, login, password,
2FA, captcha URLs, invitation link), so a test can prove that none of them reaches a client's output. The server has
no Discord, so no account connects: its routine check (every minute) disables enabled accounts it cannot start.
GET /mj/admin/current (open to every key) tells a key's role; it also repeats the key sent (the kit's test tokens).
"""
import http.client, json, sqlite3, sys, time, urllib.parse

base, db_path, out = sys.argv[1], sys.argv[2], sys.argv[3]
u = urllib.parse.urlparse(base)
assert u.hostname == '127.0.0.1', 'capture_admin.py talks to 127.0.0.1 only'
ADMIN, USER = 'adm-secret-1', 'usr-secret-1'

A = '6f1c2a47-0d6e-4d8b-9a53-1b1f0c9e0a01'  # enabled, fast hours left
B = '6f1c2a47-0d6e-4d8b-9a53-1b1f0c9e0a02'  # disabled: blocked by Midjourney
C = '6f1c2a47-0d6e-4d8b-9a53-1b1f0c9e0a03'  # enabled, fast hours used up, relax only
D = '6f1c2a47-0d6e-4d8b-9a53-1b1f0c9e0a04'  # disabled: usage used up
E = '6f1c2a47-0d6e-4d8b-9a53-1b1f0c9e0a05'  # enabled, deleted by the capture


def account(id, channel, enable, core, queue, remark, reason=None, props=None, **extra):
    secret = lambda name: f'SECRET-{name}-{channel[-4:]}'
    row = {
        'Id': id, 'Properties': json.dumps(props or {}), 'ChannelId': channel, 'GuildId': '13' + channel[2:],
        'PrivateChannelId': None, 'NijiBotChannelId': None,
        'UserToken': secret('usertoken'), 'Cookie': secret('cookie'), 'BotToken': secret('bottoken'),
        'UserAgent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)', 'Enable': int(enable), 'EnableMj': 1, 'EnableNiji': 1,
        'EnableFastToRelax': None, 'EnableRelaxToFast': None, 'FastExhausted': 0, 'Lock': 0, 'DisabledReason': reason,
        'PermanentInvitationLink': 'https://discord.gg/' + secret('invite'), 'CfHashCreated': None,
        'CfHashUrl': 'https://cf.example/' + secret('cfhash'), 'CfUrl': 'https://cf.example/' + secret('cfurl'),
        'IsSponsor': 0, 'SponsorUserId': None, 'CoreSize': core, 'Interval': 1.2, 'AfterIntervalMin': 1.2,
        'AfterIntervalMax': 1.2, 'QueueSize': queue, 'RelaxCoreSize': 3, 'RelaxQueueSize': 10, 'MaxQueueSize': 100,
        'TimeoutMinutes': 5, 'Remark': remark, 'Sponsor': None, 'DateCreated': '2026-12-01 10:00:00',
        'InfoUpdated': '2026-12-06 08:00:00', 'Weight': 0, 'WorkTime': None, 'FishingTime': None, 'IsHdVideo': 0,
        'IsRelaxVideo': 0, 'IsDraft': 0, 'Sort': int(channel[-1]), 'RemixAutoSubmit': 0, 'Mode': None,
        'AllowModes': '[]', 'EnableAutoSetRelax': None, 'Components': '[]', 'SettingsMessageId': None,
        'NijiComponents': '[]', 'NijiSettingsMessageId': None, 'IsBlend': 1, 'IsDescribe': 1, 'IsShorten': 1,
        'LoginAccount': secret('login') + '@example.com', 'LoginPassword': secret('password'), 'Login2fa': secret('2fa'),
        'IsAutoLogining': 0, 'LoginStart': None, 'LoginEnd': None, 'LoginMessage': None, 'DayDrawLimit': -1,
        'DayRelaxDrawLimit': -1, 'DayDrawCount': 0, 'IsVerticalDomain': 0, 'VerticalDomainIds': '[]',
        'SubChannels': json.dumps(['https://discord.com/channels/1300000000000000001/' + secret('subchannel')]),
        'RiskControlUnlockTime': None, 'IsYouChuan': 0, 'YouChuanEnablePreferRelax': 0, 'YouChuanFastRemaining': 0,
        'YouChuanRelaxDailyLimit': -1, 'YouChuanExpire': None, 'YouChuanRelaxedReset': None,
        'YouChuanPicreadReset': None, 'IsOfficial': 0, 'OfficialFastRemaining': 0, 'OfficialEnablePersonalize': 0,
        'OfficialMinutesAwarded': 0, 'OfficialHasSurveyed': 0,
    }
    row.update(extra)
    return row


PLAN = 'Standard (Active monthly, renews next on <t:1798675200>)'
ACCOUNTS = [
    account(A, '1400000000000000001', True, 3, 10, 'studio main',
            props={'Subscription': PLAN, 'Job Mode': 'Fast', 'Fast Time Remaining': '12.35/15.0 hours (82.33%)',
                   'Relax Time Remaining': 'N/A', 'Lifetime Usage': '1523 images (96.10 hours)'}),
    account(B, '1400000000000000002', False, 3, 10, 'backup',
            reason='Blocked, You have been blocked from accessing Midjourney. This happens when you break our rules.',
            props={'Subscription': PLAN, 'Job Mode': 'Fast', 'Fast Time Remaining': '3.00/15.0 hours (20.00%)'}),
    account(C, '1400000000000000003', True, 3, 5, 'relax pool', FastExhausted=1, AllowModes='[0]',
            props={'Subscription': PLAN, 'Job Mode': 'Relax', 'Fast Time Remaining': '0.00/15.0 hours (0.00%)'}),
    account(D, '1400000000000000004', False, 12, 100, 'pro', reason='账号用量已经用完',
            props={'Subscription': 'Pro (Active yearly, renews next on <t:1830211200>)', 'Job Mode': 'Fast',
                   'Fast Time Remaining': '0.00/30.0 hours (0.00%)'}),
    account(E, '1400000000000000005', True, 3, 10, 'to delete'),
]


def seed():
    con = sqlite3.connect(db_path)
    cols = list(ACCOUNTS[0].keys())
    con.execute('DELETE FROM DiscordAccount')
    con.executemany(f'INSERT INTO DiscordAccount ({",".join(cols)}) VALUES ({",".join("?" * len(cols))})',
                    [[a[c] for c in cols] for a in ACCOUNTS])
    con.execute("DELETE FROM User WHERE Id NOT IN ('admin','user')")
    con.execute("DELETE FROM BannedWord WHERE Id <> 'default'")
    con.commit()
    con.close()


def call(method, path, key, body=None):
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    headers = {'Authorization': key} if key else {}
    data = None
    if body is not None:
        data = json.dumps(body, ensure_ascii=False).encode()
        headers['Content-Type'] = 'application/json'
    c.request(method, path, body=data, headers=headers)
    r = c.getresponse()
    text = r.read().decode('utf-8', 'replace')
    try:
        parsed = json.loads(text) if text else None
    except ValueError:
        parsed = None
    entry = {'name': None, 'method': method, 'path': path, 'sent_headers': headers, 'request': body,
             'status': r.status, 'content_type': r.getheader('Content-Type'), 'body': text, 'json': parsed}
    c.close()
    return entry


PAGE = lambda search=None, size=100: {'pagination': {'current': 1, 'pageSize': size}, 'sort': {}, 'search': search or {}}


def run(key):
    got = []

    def rec(name, method, path, body=None):
        entry = call(method, path, key, body)
        entry['name'] = name
        got.append(entry)
        print(f"{name:28} {method:6} {path:52} {entry['status']} {entry['body'][:110]!r}")
        return entry

    rec('current', 'GET', '/mj/admin/current')
    rec('accounts-list', 'GET', '/mj/admin/accounts')
    rec('accounts-page', 'POST', '/mj/admin/accounts', PAGE())
    rec('accounts-page-disabled', 'POST', '/mj/admin/accounts', PAGE({'enable': False}))
    rec('accounts-page-channel', 'POST', '/mj/admin/accounts', PAGE({'channelId': '1400000000000000003'}))
    fetched = rec('account-fetch', 'GET', f'/mj/admin/account/{B}')
    rec('account-fetch-missing', 'GET', '/mj/admin/account/no-such-account')
    rec('accounts-enable', 'POST', '/mj/admin/accounts-enable', [B])
    rec('accounts-enable-none', 'POST', '/mj/admin/accounts-enable', [])
    raw = fetched['json'] if isinstance(fetched['json'], dict) else {'id': B}
    raw = dict(raw, enable=False)
    rec('account-reconnect-disable', 'PUT', f'/mj/admin/account-reconnect/{B}', raw)
    rec('account-reconnect-wrong-id', 'PUT', f'/mj/admin/account-reconnect/{A}', raw)
    rec('account-fetch-after-disable', 'GET', f'/mj/admin/account/{B}')
    rec('account-sync', 'POST', f'/mj/admin/account-sync/{A}')
    rec('account-delete', 'DELETE', f'/mj/admin/account/{E}')
    rec('account-delete-missing', 'DELETE', '/mj/admin/account/no-such-account')
    rec('users-page', 'POST', '/mj/admin/users', PAGE())
    rec('user-create', 'POST', '/mj/admin/user', {'name': 'ops-bot', 'token': 'SECRET-newusertoken-0001', 'role': 'USER', 'status': 'NORMAL', 'dayDrawLimit': 50})
    found = rec('users-page-by-name', 'POST', '/mj/admin/users', PAGE({'name': 'ops-bot'}))
    rec('user-create-duplicate-token', 'POST', '/mj/admin/user', {'name': 'ops-bot-2', 'token': 'SECRET-newusertoken-0001'})
    rec('user-create-no-token', 'POST', '/mj/admin/user', {'name': 'ops-bot-3'})
    users = (found['json'] or {}).get('list') or [] if isinstance(found['json'], dict) else []
    new_id = users[0]['id'] if users else 'no-such-user'
    rec('user-delete', 'DELETE', f'/mj/admin/user/{new_id}')
    rec('user-delete-admin', 'DELETE', '/mj/admin/user/admin')
    rec('user-delete-missing', 'DELETE', '/mj/admin/user/no-such-user')
    rec('banned-words-page', 'POST', '/mj/admin/banned-words', PAGE())
    rec('banned-word-add', 'POST', '/mj/admin/banned-word', {'name': 'studio list', 'keywords': ['Teapot', ' kettle ', 'teapot'], 'enable': True, 'description': 'added by capture_admin.py'})
    words = rec('banned-words-page-after', 'POST', '/mj/admin/banned-words', PAGE())
    rec('banned-words-by-keyword', 'POST', '/mj/admin/banned-words', PAGE({'keywords': ['kettle']}))
    group = [w for w in ((words['json'] or {}).get('list') or []) if w.get('name') == 'studio list'] if isinstance(words['json'], dict) else []
    group_id = group[0]['id'] if group else 'no-such-word'
    rec('imagine-banned-word', 'POST', '/mj/submit/imagine', {'prompt': 'a red teapot --v 7'})
    rec('banned-word-delete', 'DELETE', f'/mj/admin/banned-word/{group_id}')
    rec('banned-word-delete-default', 'DELETE', '/mj/admin/banned-word/default')
    rec('banned-word-delete-missing', 'DELETE', '/mj/admin/banned-word/no-such-word')
    rec('imagine-no-usable-account', 'POST', '/mj/submit/imagine', {'prompt': 'red mug --v 7'})
    return got


def run_refused(key):
    """Every admin route with a key that is not the administrator's: the middleware answers before the controller."""
    got = []
    for name, method, path, body in [
        ('current', 'GET', '/mj/admin/current', None),
        ('accounts-list', 'GET', '/mj/admin/accounts', None),
        ('accounts-page', 'POST', '/mj/admin/accounts', PAGE()),
        ('account-fetch', 'GET', f'/mj/admin/account/{A}', None),
        ('accounts-enable', 'POST', '/mj/admin/accounts-enable', [A]),
        ('account-reconnect-disable', 'PUT', f'/mj/admin/account-reconnect/{A}', {'id': A, 'enable': False}),
        ('account-sync', 'POST', f'/mj/admin/account-sync/{A}', None),
        ('account-delete', 'DELETE', f'/mj/admin/account/{A}', None),
        ('users-page', 'POST', '/mj/admin/users', PAGE()),
        ('user-create', 'POST', '/mj/admin/user', {'name': 'x', 'token': 'SECRET-x'}),
        ('user-delete', 'DELETE', '/mj/admin/user/user', None),
        ('banned-words-page', 'POST', '/mj/admin/banned-words', PAGE()),
        ('banned-word-add', 'POST', '/mj/admin/banned-word', {'name': 'x', 'keywords': ['x']}),
        ('banned-word-delete', 'DELETE', '/mj/admin/banned-word/default', None),
    ]:
        entry = call(method, path, key, body)
        entry['name'] = name
        got.append(entry)
        print(f"{name:28} {method:6} {path:52} {entry['status']} {entry['body'][:110]!r}")
    return got


def save(name, entries):
    with open(f'{out}/{name}', 'w', encoding='utf-8') as f:
        json.dump(entries, f, indent=1, ensure_ascii=False)
        f.write('\n')


seed()
if out == '--seed-only':
    sys.exit(0)
print('== admin token')
save('admin-admin.json', run(ADMIN))
print('== user token')
save('admin-user.json', run_refused(USER))
print('== no key (guest mode)')
save('admin-nokey.json', run_refused(None))
print('== after the server\'s routine check has tried to start the enabled accounts')
time.sleep(75)
after = []
for name, method, path, body in [
    ('accounts-page', 'POST', '/mj/admin/accounts', PAGE()),
    ('accounts-list', 'GET', '/mj/admin/accounts', None),
    ('account-fetch-enabled-not-running', 'GET', f'/mj/admin/account/{C}', None),
    ('imagine-no-usable-account', 'POST', '/mj/submit/imagine', {'prompt': 'red mug --v 7'}),
]:
    entry = call(method, path, ADMIN, body)
    entry['name'] = name
    after.append(entry)
    print(f"{name:28} {method:6} {path:52} {entry['status']} {entry['body'][:110]!r}")
save('admin-after-check.json', after)
