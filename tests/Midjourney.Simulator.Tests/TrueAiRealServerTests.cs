using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Midjourney.Simulator.Cli;
using Xunit;

namespace Midjourney.Simulator.Tests;

/// <summary>
/// What the real TrueAI 11.10.3 does that the simulator learnt from it (issue 16): guest mode and roles, no usable
/// account, Redis down, NewTask's refusals, request-level answers, the anonymous routes and the task fields.
/// The recordings test covers the same ground request by request; these pin each rule down on its own.
/// </summary>
public sealed class TrueAiRealServerTests
{
    private static Action<HttpRequestMessage> Key(string key) => r => r.Headers.TryAddWithoutValidation("Authorization", key);

    [Fact]
    public async Task Guest_mode_is_the_default_serves_any_key_and_refuses_cancel_and_admin_routes_with_the_real_texts()
    {
        await using SimHarness sim = await SimHarness.StartAsync(configure: o => o.TimeScale = 1);
        string id = await sim.SubmitAsync("/mj/submit/imagine", new { prompt = "a mug" }, Key("wrong-key"));
        Assert.Equal(HttpStatusCode.OK, (await sim.GetAsync($"/mj/task/{id}/fetch", r => r.Headers.Add("mj-api-secret", "also-wrong"))).Status);

        Reply cancel = await sim.SendAsync(HttpMethod.Post, $"/mj/task/{id}/cancel");
        Assert.Equal((HttpStatusCode.BadRequest, "text/plain", "演示模式，禁止操作"), (cancel.Status, cancel.ContentType, cancel.Text));
        Reply admin = await sim.GetAsync("/mj/admin/accounts", Key("wrong-key"));
        Assert.Equal((HttpStatusCode.Unauthorized, null, "账号无权限"), (admin.Status, admin.ContentType, admin.Text));
        Assert.Equal(HttpStatusCode.Unauthorized, (await sim.PostAsync("/mj/admin/nothing-here", new { })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await sim.PostAsync("/mj/admin/login", new { })).Status); // [AllowAnonymous] on the real server: not refused, not simulated
        Assert.Equal("SUBMITTED", SimHarness.StatusOf(await sim.FetchAsync(id)));
    }

    [Fact]
    public async Task A_cancel_refusal_is_a_json_string_to_a_client_that_accepts_json_as_mvc_writes_a_string_result()
    {
        await using SimHarness sim = await SimHarness.StartAsync(configure: o => o.TimeScale = 1);
        string id = await sim.ImagineAsync();
        Reply json = await sim.SendAsync(HttpMethod.Post, $"/mj/task/{id}/cancel", null, r => r.Headers.Accept.ParseAdd("application/json"));
        Assert.Equal((HttpStatusCode.BadRequest, "application/json", "\"演示模式，禁止操作\""), (json.Status, json.ContentType, json.Text));
        Reply any = await sim.SendAsync(HttpMethod.Post, $"/mj/task/{id}/cancel", null, r => r.Headers.Accept.ParseAdd("application/json, */*"));
        Assert.Equal(("text/plain", "演示模式，禁止操作"), (any.ContentType, any.Text)); // MVC ignores an Accept with */*
        Reply plain = await sim.SendAsync(HttpMethod.Post, $"/mj/task/{id}/cancel", null, r => r.Headers.Accept.ParseAdd("text/plain"));
        Assert.Equal("text/plain", plain.ContentType);
    }

    [Theory]
    [InlineData(null, null, "Guest", null)]
    [InlineData("wrong", null, "Guest", null)]
    [InlineData("usr", "usr", "user", "USER")]
    [InlineData("adm", "adm", "admin", "ADMIN")]
    public async Task Admin_current_tells_anyone_who_the_server_takes_the_key_for(string? key, string? secret, string name, string? role)
    {
        await using SimHarness sim = await SimHarness.StartAsync(configure: o => { o.Guest = true; o.ApiKey = "usr"; o.AdminKey = "adm"; });
        Reply current = await sim.GetAsync("/mj/admin/current", key is null ? null : Key(key));
        Assert.Equal(HttpStatusCode.OK, current.Status);
        Assert.Equal((name, secret, role ?? "Guest"), (current.Root.GetProperty("name").GetString(), current.Root.GetProperty("apiSecret").GetString(),
            current.Root.GetProperty("tags")[0].GetProperty("label").GetString()));
        Assert.Equal("v11.10.3.0", current.Root.GetProperty("version").GetString());
    }

    [Fact]
    public async Task Admin_current_is_forbidden_to_unknown_keys_with_guest_mode_off()
    {
        await using SimHarness sim = await SimHarness.StartAsync(configure: o => { o.ApiKey = "usr"; o.AdminKey = "adm"; });
        Reply forbidden = await sim.GetAsync("/mj/admin/current", Key("Bearer usr"));
        Assert.Equal((HttpStatusCode.Forbidden, "application/problem+json", "Forbidden"), (forbidden.Status, forbidden.ContentType, forbidden.Root.GetProperty("title").GetString()));
        Assert.Equal("user", (await sim.GetAsync("/mj/admin/current", r => r.Headers.Add("mj-api-secret", "usr"))).Root.GetProperty("name").GetString());
    }

    [Fact]
    public async Task With_an_api_key_a_missing_or_wrong_key_gets_401_and_health_and_home_need_none()
    {
        await using SimHarness sim = await SimHarness.StartAsync(configure: o => { o.ApiKey = "usr"; o.AdminKey = "adm"; });
        foreach (Action<HttpRequestMessage>? headers in new Action<HttpRequestMessage>?[] { null, Key("wrong"), Key("Bearer usr"), r => r.Headers.Add("mj-api-secret", "wrong") })
        {
            Reply refused = await sim.GetAsync("/mj/task/list", headers);
            Assert.Equal((HttpStatusCode.Unauthorized, null, "Authorization header missing."), (refused.Status, refused.ContentType, refused.Text));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await sim.GetAsync("/mj/nope")).Status); // no route, no key: the key is checked first
        Assert.Equal(HttpStatusCode.NotFound, (await sim.GetAsync("/mj/nope", Key("usr"))).Status);
        Reply notAdmin = await sim.GetAsync("/mj/admin/accounts");
        Assert.Equal((HttpStatusCode.Unauthorized, "账号无权限"), (notAdmin.Status, notAdmin.Text));

        Reply health = await sim.GetAsync("/health");
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (health.Status, health.Root.GetProperty("status").GetString()));
        Reply home = await sim.GetAsync("/mj/home");
        Assert.Equal((HttpStatusCode.OK, true, 0, "操作成功"), (home.Status, home.Root.GetProperty("success").GetBoolean(), home.Code, home.Root.GetProperty("message").GetString()));
        Assert.False(home.Root.GetProperty("data").GetProperty("isGuest").GetBoolean());
        Assert.Equal("v11.10.3.0", home.Root.GetProperty("data").GetProperty("version").GetString());
    }

    [Fact]
    public async Task The_only_key_is_the_administrator_and_with_an_admin_key_the_api_key_is_a_user_who_may_not_cancel()
    {
        await using (SimHarness single = await SimHarness.StartAsync(configure: o => { o.TimeScale = 1; o.ApiKey = "only"; }))
        {
            string id = await single.SubmitAsync("/mj/submit/imagine", new { prompt = "a mug" }, Key("only"));
            Assert.Equal(HttpStatusCode.OK, (await single.SendAsync(HttpMethod.Post, $"/mj/task/{id}/cancel", null, Key("only"))).Status);
        }

        await using SimHarness sim = await SimHarness.StartAsync(configure: o => { o.TimeScale = 1; o.ApiKey = "usr"; o.AdminKey = "adm"; });
        string task = await sim.SubmitAsync("/mj/submit/imagine", new { prompt = "a mug" }, Key("usr"));
        Assert.Equal(HttpStatusCode.BadRequest, (await sim.SendAsync(HttpMethod.Post, $"/mj/task/{task}/cancel", null, Key("usr"))).Status);
        Reply done = await sim.SendAsync(HttpMethod.Post, $"/mj/task/{task}/cancel", null, r => r.Headers.Add("mj-api-secret", "adm"));
        Assert.Equal((HttpStatusCode.OK, ""), (done.Status, done.Text));
        JsonElement cancelled = await sim.FetchAsync(task, Key("adm"));
        Assert.Equal(("FAILURE", "取消任务", true), (SimHarness.StatusOf(cancelled), cancelled.GetProperty("failReason").GetString(), cancelled.GetProperty("isCompleted").GetBoolean()));
        Assert.Matches(@"^\d+\.\d\d s$", cancelled.GetProperty("useTime").GetString());

        // Cancelling it again, or a task that does not exist: the same empty 200.
        Assert.Equal((HttpStatusCode.OK, ""), ((await sim.SendAsync(HttpMethod.Post, $"/mj/task/{task}/cancel", null, Key("adm"))) is var again ? (again.Status, again.Text) : default));
        Assert.Equal(HttpStatusCode.OK, (await sim.SendAsync(HttpMethod.Post, "/mj/task/1234567890123456/cancel", null, Key("adm"))).Status);
    }

    [Fact]
    public async Task Without_a_usable_account_every_submit_is_code_3_and_reads_keep_working()
    {
        await using SimHarness sim = await SimHarness.StartAsync(configure: o => o.AdminKey = "adm");
        string grid = await sim.ImagineAsync("a mug --seed 5");
        string seeded = await sim.ImagineAsync("a seeded mug");
        await sim.WaitForSuccessAsync(grid);
        await sim.WaitForSuccessAsync(seeded);
        string u1 = SimHarness.CustomIds(await sim.FetchAsync(grid)).First();

        sim.Server.NoAccounts = true;
        foreach ((string path, object body) in new (string, object)[]
        {
            ("/mj/submit/imagine", new { prompt = "x" }),
            ("/mj-fast/mj/submit/imagine", new { prompt = "x", base64Array = new[] { TestImages.DataUrl(8, 8) } }),
            ("/mj/submit/blend", new { base64Array = new[] { TestImages.DataUrl(8, 8), TestImages.DataUrl(8, 8) } }),
            ("/mj/submit/describe", new { link = "http://127.0.0.1:9/x.png" }),
            ("/mj/submit/shorten", new { prompt = "x" }),
            ("/mj/submit/video", new { prompt = "x", image = TestImages.DataUrl(8, 8) }),
            ("/mj/submit/edits", new { prompt = "x", image = TestImages.DataUrl(8, 8) }),
            ("/mj/submit/retexture", new { prompt = "x", image = TestImages.DataUrl(8, 8) }),
            ("/mj/submit/action", new { taskId = grid, customId = u1 }),
        })
        {
            Reply refused = await sim.PostAsync(path, body);
            Assert.True((refused.Status, refused.Code, refused.Root.GetProperty("description").GetString()) == (HttpStatusCode.OK, 3, "无可用的账号实例"), path + ": " + refused.Text);
        }

        Reply upload = await sim.PostAsync("/mj/submit/upload-discord-images", new { base64Array = new[] { TestImages.DataUrl(8, 8) } });
        Assert.Equal((4, "实例不存在或不可用"), (upload.Code, upload.Root.GetProperty("description").GetString()));
        Reply noSeed = await sim.GetAsync($"/mj/task/{grid}/image-seed");
        Assert.Equal((HttpStatusCode.OK, 3, "无可用的账号实例"), (noSeed.Status, noSeed.Code, noSeed.Root.GetProperty("description").GetString()));
        Reply knownSeed = await sim.GetAsync($"/mj/task/{seeded}/image-seed"); // a seed the task already has needs no account
        Assert.Equal((1, "成功"), (knownSeed.Code, knownSeed.Root.GetProperty("description").GetString()));
        Assert.Equal(2, (await sim.GetAsync("/mj/task/list")).Root.GetArrayLength());
        Assert.Equal(0, sim.Server.GetStats().TasksCreated - 2);

        // The switch works both ways, also over HTTP.
        Assert.Equal("""{"usable":true}""", (await sim.SendAsync(HttpMethod.Post, "/sim/accounts?usable=true")).Text);
        Assert.Equal(1, (await sim.PostAsync("/mj/submit/imagine", new { prompt = "x" })).Code);
        Assert.Equal(HttpStatusCode.BadRequest, (await sim.SendAsync(HttpMethod.Post, "/sim/accounts?usable=maybe")).Status);
    }

    [Fact]
    public async Task No_accounts_can_be_set_at_start_and_on_the_command_line()
    {
        SimulatorOptions parsed = CommandLine.Parse(new[] { "--no-accounts", "--no-redis", "--guest-daily-limit", "3", "--no-guest", "--admin-key", "a" }).Options;
        Assert.Equal((true, true, 3, (bool?)false, "a"), (parsed.NoAccounts, parsed.NoRedis, parsed.GuestDailyLimit, parsed.Guest, parsed.AdminKey));
        Assert.True(CommandLine.Parse(new[] { "--guest", "--api-key", "u" }).Options.Guest);
        Assert.Throws<ArgumentException>(() => CommandLine.Parse(new[] { "--no-guest" }));

        await using SimHarness sim = await SimHarness.StartAsync(SimulatorFlavor.Plus, o => o.NoAccounts = true);
        Reply refused = await sim.PostAsync("/mj/submit/imagine", new { prompt = "x" });
        Assert.Equal((HttpStatusCode.OK, 3, "无可用的账号实例"), (refused.Status, refused.Code, refused.Root.GetProperty("description").GetString()));
        Assert.True(sim.Server.NoAccounts);
    }

    [Fact]
    public async Task With_redis_down_imagine_says_so_as_code_4_and_the_other_submits_in_the_minus_1_envelope()
    {
        await using SimHarness sim = await SimHarness.StartAsync(configure: o => o.NoRedis = true);
        Reply imagine = await sim.PostAsync("/mj/submit/imagine", new { prompt = "x", base64Array = new[] { "not base64!!" } });
        Assert.Equal((4, "服务暂不可用，请联系管理员"), (imagine.Code, imagine.Root.GetProperty("description").GetString()));
        Assert.Equal(4, (await sim.PostAsync("/mj/submit/imagine", new { prompt = "" })).Code); // the prompt is checked first
        Reply shorten = await sim.PostAsync("/mj/submit/shorten", new { prompt = "x" });
        AssertEnvelope(shorten, "服务暂不可用，请联系管理员");
        Reply home = await sim.GetAsync("/mj/home");
        Assert.Equal(HttpStatusCode.InternalServerError, home.Status);
        AssertEnvelope(home, "操作失败", HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task With_redis_down_the_admin_pages_crash_and_a_banned_word_change_is_made_but_answered_500()
    {
        // As 11.10.3 with its Redis stopped (checked against the real server): the pages of accounts and users fail, a user
        // is still saved and removed as usual, a banned-word list is saved or removed and only then does the cache clear fail.
        await using SimHarness sim = await SimHarness.StartAsync(configure: o => { o.NoRedis = true; o.AdminKey = "adm"; });
        Action<HttpRequestMessage> admin = r => r.Headers.TryAddWithoutValidation("Authorization", "adm");
        var page = new { pagination = new { current = 1, pageSize = 10 }, search = new { } };

        AssertEnvelope(await sim.PostAsync("/mj/admin/accounts", page, admin), "操作失败", HttpStatusCode.InternalServerError);
        AssertEnvelope(await sim.PostAsync("/mj/admin/users", page, admin), "操作失败", HttpStatusCode.InternalServerError);
        Assert.True((await sim.PostAsync("/mj/admin/user", new { name = "ops", token = "tok-ops" }, admin)).Root.GetProperty("success").GetBoolean());

        AssertEnvelope(await sim.PostAsync("/mj/admin/banned-word", new { name = "studio", keywords = new[] { "Samovar" } }, admin), "操作失败", HttpStatusCode.InternalServerError);
        Reply lists = await sim.PostAsync("/mj/admin/banned-words", page, admin);
        Assert.Equal(HttpStatusCode.OK, lists.Status);
        JsonElement made = lists.Root.GetProperty("list").EnumerateArray().Single(l => l.GetProperty("name").GetString() == "studio");
        Assert.Equal("samovar", made.GetProperty("keywords")[0].GetString()); // made, though the answer was a crash
        string id = made.GetProperty("id").GetString()!;
        AssertEnvelope(await sim.SendAsync(HttpMethod.Delete, "/mj/admin/banned-word/" + id, null, admin), "操作失败", HttpStatusCode.InternalServerError);
        Reply after = await sim.PostAsync("/mj/admin/banned-words", page, admin);
        Assert.DoesNotContain(after.Root.GetProperty("list").EnumerateArray(), l => l.GetProperty("id").GetString() == id);
        AssertEnvelope(await sim.SendAsync(HttpMethod.Delete, "/mj/admin/banned-word/default", null, admin), "不能删除默认违规词"); // refusals come first, as before
    }

    [Theory]
    [InlineData("/mj/submit/imagine", false)]
    [InlineData("/mj/submit/shorten", true)]
    [InlineData("/mj/submit/edits", true)]
    public async Task A_state_over_255_characters_is_refused_before_anything_is_created(string path, bool envelope)
    {
        await using SimHarness sim = await SimHarness.StartAsync();
        Reply reply = await sim.PostAsync(path, new { prompt = "x", image = TestImages.DataUrl(8, 8), state = new string('s', 256) });
        if (envelope) AssertEnvelope(reply, "State参数过长，最大255字符");
        else Assert.Equal((4, "State参数过长，最大255字符"), (reply.Code, reply.Root.GetProperty("description").GetString()));
        Assert.Equal(0, sim.Server.GetStats().TasksCreated);
        Assert.Equal(1, (await sim.PostAsync(path, new { prompt = "x", image = TestImages.DataUrl(8, 8), state = new string('s', 255) })).Code);
    }

    [Fact]
    public async Task A_guest_daily_limit_refuses_guests_once_they_have_more_tasks_than_the_limit_and_resets_the_next_day()
    {
        await using SimHarness sim = await SimHarness.StartAsync(configure: o => { o.GuestDailyLimit = 1; o.AdminKey = "adm"; });
        Assert.Equal(1, (await sim.PostAsync("/mj/submit/imagine", new { prompt = "a" })).Code);
        Assert.Equal(1, (await sim.PostAsync("/mj/submit/imagine", new { prompt = "b" })).Code); // the real check is "more than"
        Reply third = await sim.PostAsync("/mj/submit/imagine", new { prompt = "c" });
        Assert.Equal((4, "访客今日绘图次数已达上限"), (third.Code, third.Root.GetProperty("description").GetString()));
        AssertEnvelope(await sim.PostAsync("/mj/submit/shorten", new { prompt = "c" }), "访客今日绘图次数已达上限");
        Assert.Equal(1, (await sim.PostAsync("/mj/submit/imagine", new { prompt = "d" }, Key("adm"))).Code); // not a guest

        sim.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, (await sim.PostAsync("/mj/submit/imagine", new { prompt = "e" })).Code);
    }

    [Fact]
    public async Task Request_level_answers_are_the_real_ones()
    {
        await using SimHarness sim = await SimHarness.StartAsync();
        using var plain = new HttpRequestMessage(HttpMethod.Post, "/mj/submit/imagine") { Content = new StringContent("""{"prompt":"x"}""", Encoding.UTF8, "text/plain") };
        using HttpResponseMessage unsupported = await sim.Http.SendAsync(plain);
        Assert.Equal((HttpStatusCode.UnsupportedMediaType, "application/problem+json"), (unsupported.StatusCode, unsupported.Content.Headers.ContentType?.MediaType));
        Assert.Contains("Unsupported Media Type", await unsupported.Content.ReadAsStringAsync());

        AssertEnvelope(await sim.SendAsync(HttpMethod.Post, "/mj/submit/imagine", ""), "A non-empty request body is required.");
        Reply dimension = await sim.PostAsync("/mj/submit/blend", new { base64Array = new[] { "a" }, dimensions = "HUGE" });
        AssertEnvelope(dimension, "The JSON value could not be converted to System.Nullable`1[Midjourney.Base.BlendDimensions]. Path: $.dimensions | LineNumber: 0 | BytePositionInLine: 40.");

        Assert.Equal("图片参数错误，2~5张图片", Description(await sim.PostAsync("/mj/submit/blend", new { base64Array = new[] { "a" } })));
        Assert.Equal("base64或link不能为空", Description(await sim.PostAsync("/mj/submit/describe", new { })));
        Assert.Equal("链接格式错误", Description(await sim.PostAsync("/mj/submit/describe", new { link = "ftp://x" })));
        Assert.Equal("image或prompt不能为空", Description(await sim.PostAsync("/mj/submit/retexture", new { prompt = "x" })));
        Assert.Equal("Prompt 不能为空", Description(await sim.PostAsync("/mj/submit/video", new { })));
        Assert.Equal("base64 参数错误", Description(await sim.PostAsync("/mj/submit/upload-discord-images", new { base64Array = Array.Empty<string>() })));
        Assert.Equal("参数错误", Description(await sim.PostAsync("/mj/submit/action", new { taskId = "1" })));
        Assert.Equal("参数错误", Description(await sim.PostAsync("/mj/submit/modal", new { prompt = "x" })));

        string grid = await sim.ImagineAsync();
        await sim.WaitForSuccessAsync(grid);
        Assert.Equal("未知的 Action 类型", Description(await sim.PostAsync("/mj/submit/action", new { taskId = grid, customId = "MJ::JOB::nope::9::x" })));
        Reply modal = await sim.PostAsync("/mj/submit/modal", new { taskId = grid, prompt = "x" });
        Assert.Equal((HttpStatusCode.OK, 3, "目标任务不存在"), (modal.Status, modal.Code, Description(modal)));
        Reply extend = await sim.PostAsync("/mj/submit/video", new { action = "extend", prompt = "x" });
        Assert.Equal((3, "目标任务不存在"), (extend.Code, Description(extend)));
        Assert.Equal("任务类型错误", Description(await sim.PostAsync("/mj/submit/video", new { action = "Extend", taskId = grid, prompt = "x" })));

        JsonElement[] listed = (await sim.PostAsync("/mj/task/list-by-condition", new { ids = new[] { grid, " " + grid + " ", "1234567890123456", grid } })).Root.EnumerateArray().ToArray();
        Assert.Equal(grid, Assert.Single(listed).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Neither_a_bookmark_nor_a_shorten_pick_is_routed_though_the_tasks_carry_both()
    {
        await using SimHarness sim = await SimHarness.StartAsync();
        string gridId = await sim.ImagineAsync("a mug");
        string upId = await sim.SubmitAsync("/mj/submit/action", new { taskId = gridId, customId = SimHarness.CustomIds(await sim.WaitForSuccessAsync(gridId))[0] });
        string heart = SimHarness.CustomIds(await sim.WaitForSuccessAsync(upId)).Single(c => c.StartsWith("MJ::BOOKMARK::", StringComparison.Ordinal));
        string shortenId = await sim.SubmitAsync("/mj/submit/shorten", new { prompt = "a tiny red robot watering a garden at dawn" });
        string[] picks = SimHarness.CustomIds(await sim.WaitForSuccessAsync(shortenId));
        Assert.Equal(5, picks.Count(c => c.StartsWith("MJ::Job::PromptAnalyzer::", StringComparison.Ordinal)));
        long created = sim.Server.GetStats().TasksCreated;

        foreach ((string parent, string customId) in new[] { (upId, heart), (shortenId, picks[0]) })
        {
            Reply click = await sim.PostAsync("/mj/submit/action", new { taskId = parent, customId });
            Assert.Equal((HttpStatusCode.OK, 4, "未知的 Action 类型"), (click.Status, click.Code, Description(click)));
        }

        Assert.Equal(created, sim.Server.GetStats().TasksCreated);
        // The parent's status is checked first, as for every button.
        string waiting = await sim.ImagineAsync("a cup");
        Assert.Equal("关联任务状态错误", Description(await sim.PostAsync("/mj/submit/action", new { taskId = waiting, customId = heart })));
    }

    [Fact]
    public async Task A_video_task_s_image_url_is_its_first_video_and_its_image_urls_repeat_its_video_urls()
    {
        await using SimHarness sim = await SimHarness.StartAsync();
        JsonElement video = await sim.WaitForSuccessAsync(await sim.SubmitAsync("/mj/submit/video", new { prompt = "waves", image = TestImages.DataUrl(16, 16), batchSize = 2 }));

        string[] videos = video.GetProperty("videoUrls").EnumerateArray().Select(v => v.GetProperty("url").GetString()!).ToArray();
        Assert.Equal(2, videos.Length);
        Assert.Equal(videos[0], video.GetProperty("imageUrl").GetString());
        Assert.Equal(videos[0], video.GetProperty("videoUrl").GetString());
        Assert.Equal(video.GetProperty("videoUrls").GetRawText(), video.GetProperty("imageUrls").GetRawText());
        Assert.Equal("image/apng", (await sim.GetAsync(videos[1])).ContentType);
        Assert.Equal("image/png", (await sim.GetAsync(video.GetProperty("videoUrls")[1].GetProperty("thumbnail").GetString()!)).ContentType);
    }

    [Fact]
    public async Task Blend_refuses_an_explicit_null_dimensions_after_the_image_count_and_takes_a_missing_one_as_square()
    {
        await using SimHarness sim = await SimHarness.StartAsync();
        string two = SimHarness.Json(new[] { TestImages.DataUrl(8, 8), TestImages.DataUrl(8, 8) });

        Reply nullDimensions = await sim.SendAsync(HttpMethod.Post, "/mj/submit/blend", $$"""{"base64Array": {{two}}, "dimensions": null}""");
        Assert.Equal((HttpStatusCode.OK, 4, "dimensions参数错误"), (nullDimensions.Status, nullDimensions.Code, Description(nullDimensions)));
        Reply oneImage = await sim.SendAsync(HttpMethod.Post, "/mj/submit/blend", """{"base64Array": ["a"], "dimensions": null}""");
        Assert.Equal("图片参数错误，2~5张图片", Description(oneImage));
        Reply badBase64 = await sim.SendAsync(HttpMethod.Post, "/mj/submit/blend", """{"base64Array": ["a", "b"], "dimensions": null}""");
        Assert.Equal("dimensions参数错误", Description(badBase64));
        Assert.Equal(0, sim.Server.GetStats().TasksCreated);

        JsonElement square = await sim.WaitForSuccessAsync(await sim.SubmitAsync("/mj/submit/blend", new { base64Array = new[] { TestImages.DataUrl(8, 8), TestImages.DataUrl(8, 8) } }));
        Assert.Equal(square.GetProperty("width").GetInt32(), square.GetProperty("height").GetInt32());
    }

    [Fact]
    public async Task Retexture_makes_a_retexture_grid()
    {
        await using SimHarness sim = await SimHarness.StartAsync();
        string id = await sim.SubmitAsync("/mj/submit/retexture", new { prompt = "a mug in glass", image = TestImages.DataUrl(16, 16) });
        JsonElement done = await sim.WaitForSuccessAsync(id);
        Assert.Equal(("RETEXTURE", "/retexture a mug in glass", 9), (done.GetProperty("action").GetString(), done.GetProperty("description").GetString(), SimHarness.CustomIds(done).Length));
    }

    [Fact]
    public async Task The_seed_is_in_the_task_when_trueai_appended_it_and_once_image_seed_has_read_it()
    {
        await using SimHarness sim = await SimHarness.StartAsync(configure: o => o.TimeScale = 1);
        string appended = await sim.ImagineAsync("a mug");
        string chosen = await sim.ImagineAsync("a mug --seed 123");
        Assert.Equal(JsonValueKind.Null, (await sim.FetchAsync(chosen)).GetProperty("seed").ValueKind);
        Reply early = await sim.GetAsync($"/mj/task/{chosen}/image-seed"); // not started: no Discord message to read it from
        Assert.Equal((HttpStatusCode.BadRequest, 4, "关联任务状态错误"), (early.Status, early.Code, Description(early)));

        JsonElement first = await sim.WaitForSuccessAsync(appended);
        JsonElement second = await sim.WaitForSuccessAsync(chosen);
        Assert.Matches(@"^\d+$", first.GetProperty("seed").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("seed").ValueKind);
        Assert.Equal(first.GetProperty("seed").GetString(), (await sim.GetAsync($"/mj/task/{appended}/image-seed")).Result);
        Assert.Equal("123", (await sim.GetAsync($"/mj/task/{chosen}/image-seed")).Result);
        Assert.Equal("123", (await sim.FetchAsync(chosen)).GetProperty("seed").GetString()); // TA keeps what it read
    }

    private static string? Description(Reply reply) => reply.Root.GetProperty("description").GetString();

    private static void AssertEnvelope(Reply reply, string message, HttpStatusCode status = HttpStatusCode.OK)
    {
        Assert.Equal((status, false, -1, message), (reply.Status, reply.Root.GetProperty("success").GetBoolean(), reply.Code, reply.Root.GetProperty("message").GetString()));
        Assert.Matches(@"^\d+$", reply.Root.GetProperty("timestamp").GetString());
    }
}
