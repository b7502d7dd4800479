namespace Midjourney.Simulator.Cli;

/// <summary>The <c>--help</c> text: every option with its default.</summary>
internal static class HelpText
{
    public const string Text = """
Midjourney.Simulator - an offline midjourney-proxy for dry runs and tests.

Usage: dotnet run --project src/Midjourney.Simulator -- [options]

On start it prints, one per line:  BaseUrl: <url> / Flavor: <name> / ApiKey: <key or (none)>
then serves until Ctrl+C or SIGTERM.

Server
  --urls <url>              Listen URL (default http://127.0.0.1:8080; port 0 = any free port, the real one is printed)
  --flavor <name>           trueai (default) | plus | novicezk | gateway | taskapi
  --api-key <key>           Require this key (default: no auth; trueai: guests). Header rules follow the flavour.
                            trueai: a user's token, or the administrator's when no --admin-key is given
  --admin-key <key>         The administrator's token; trueai lets only it cancel tasks and use /mj/admin/*
  --guest, --no-guest       trueai guest mode (default: on without --api-key, as the real server ships): no token or
                            an unknown one is served as a guest, who may not cancel or use /mj/admin/*
  --accounts <n>            Midjourney accounts in the pool (default 1), each with --concurrency slots and a --queue;
                            administrators list, enable, disable, sync and remove them through the flavour's account
                            API (trueai /mj/admin/*, plus and novicezk /mj/account/*)
  --accounts-offline        Enabled accounts never connect (the real server without Discord): listed, enabled,
                            disabled, removed, but none takes work (submits answer code 3)
  --no-accounts             Every account disabled: every submit answers code 3 "无可用的账号实例"
                            (switch while running: POST /sim/accounts?usable=false|true)
  --no-redis                trueai with its Redis down: every new task is refused ("服务暂不可用，请联系管理员"); the admin
                            pages of accounts and users answer 500 "操作失败", and a banned-word save or delete is
                            made, then answered 500 "操作失败" (users are saved and removed as usual)
  --guest-daily-limit <n>   trueai: tasks a guest may create per day (default 0 = no limit)
  --ready-file <path>       Write the base URL to this file once listening
  --log                     Turn on ASP.NET Core console logging (off by default: it costs throughput)
  --replay <file.json>      Do not serve: replay a recording of the real server (tests/Recordings/...) against a
                            simulator in the matching mode and print what a client would see differ (repeatable)
  --help                    Show this text

Behaviour
  --image-format <f>        png (default) or webp: serve the task images as lossless WebP (any image URL also takes ?format=webp)
  --time-scale <x>          Multiply every simulated duration (default 1.0; 0.01 = 100x faster)
  --concurrency <n>         Tasks running at once on each account (default 3)
  --queue <n>               Tasks allowed to wait for a slot of an account before "queue full" (default 10)
  --timeout <duration>      Running tasks fail after this long, scaled by --time-scale (default 5m)
  --image-ttl <duration>    Image URLs expire after this long, NOT scaled (default 24h)
  --remix                   Account has Remix on: V, reroll, pans, Vary Subtle/Strong, Animate go through MODAL
  --banned-words <a,b,...>  Banned words (default nsfw,gore,nude,blood; trueai: its list "default", which
                            /mj/admin/banned-word* edit, beside lists the administrator adds)
  --seed <n>                Seed of all random choices (default 42)
  --max-tasks <n>           Stored tasks; the oldest finished are evicted beyond it (default 100000)
  --default-mode <m>        relax | fast (default) | turbo for plain /mj/... without --fast/--relax/--turbo

Faults (all off by default; seeded; never on /sim/*)
  --fault-500 <rate>        HTTP 500 rate (0..1)
  --fault-429 <rate>        HTTP 429 + Retry-After rate
  --fault-reset <rate>      Connection reset rate
  --fault-malformed <rate>  Truncated JSON body rate
  --fault-latency <rate>    Added-latency rate
  --latency <duration>      Added latency (default 2s)
  --retry-after <duration>  Retry-After of 429 answers (default 1s)
  --fault-route <filter>    Only paths containing this text (or matching this glob with * and ?)
  --fault-phase <p>         before | after | random (default): before = nothing created; after = the
                            logic ran, then the answer is replaced by a 500 / reset / truncated body

Durations: 250ms, 30s, 5m, 1h, a bare number of seconds, or hh:mm:ss.
Prompt markers: --sim-fail (task fails half-way), --sim-hang (task runs until the timeout).
Simulator routes: GET /sim/stats, POST /sim/reset, GET /sim/tasks, GET /sim/health, GET|POST /sim/accounts,
  GET /sim/images/..., GET /sim/attachments/...

""";
}
