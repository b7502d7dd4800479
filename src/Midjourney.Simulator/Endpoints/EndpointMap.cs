using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Midjourney.Simulator.Flavors;
using Midjourney.Simulator.Http;

namespace Midjourney.Simulator.Endpoints;

/// <summary>Registers the flavour's proxy routes (absent ones fall through to 404) and the <c>/sim/*</c> routes.</summary>
internal static class EndpointMap
{
    public static void Map(IEndpointRouteBuilder app, SimulatorServices services)
    {
        var submit = new SubmitEndpoints(services);
        var actions = new ActionEndpoints(services);
        var tasks = new TaskEndpoints(services);
        var sim = new SimEndpoints(services);
        var routes = services.Profile.Routes;

        if (routes.Contains(SimRoute.Imagine)) app.MapPost("/mj/submit/imagine", submit.ImagineAsync);
        if (routes.Contains(SimRoute.Change)) app.MapPost("/mj/submit/change", actions.ChangeAsync);
        if (routes.Contains(SimRoute.SimpleChange)) app.MapPost("/mj/submit/simple-change", actions.SimpleChangeAsync);
        if (routes.Contains(SimRoute.Action)) app.MapPost("/mj/submit/action", actions.ActionAsync);
        if (routes.Contains(SimRoute.Modal)) app.MapPost("/mj/submit/modal", actions.ModalAsync);
        if (routes.Contains(SimRoute.Blend)) app.MapPost("/mj/submit/blend", submit.BlendAsync);
        if (routes.Contains(SimRoute.Describe)) app.MapPost("/mj/submit/describe", submit.DescribeAsync);
        if (routes.Contains(SimRoute.Shorten)) app.MapPost("/mj/submit/shorten", submit.ShortenAsync);
        if (routes.Contains(SimRoute.Video)) app.MapPost("/mj/submit/video", submit.VideoAsync);
        if (routes.Contains(SimRoute.Edits))
        {
            app.MapPost("/mj/submit/edits", submit.EditsAsync);
            app.MapPost("/mj/submit/edit", submit.EditsAsync);
        }

        if (routes.Contains(SimRoute.Retexture)) app.MapPost("/mj/submit/retexture", submit.RetextureAsync);
        if (routes.Contains(SimRoute.UploadDiscordImages)) app.MapPost("/mj/submit/upload-discord-images", submit.UploadAsync);
        if (routes.Contains(SimRoute.Fetch)) app.MapGet("/mj/task/{id}/fetch", tasks.FetchAsync);
        if (routes.Contains(SimRoute.List)) app.MapGet("/mj/task/list", tasks.ListAsync);
        if (routes.Contains(SimRoute.ListByCondition)) app.MapPost("/mj/task/list-by-condition", tasks.ListByConditionAsync);
        if (routes.Contains(SimRoute.ListByIds)) app.MapPost("/mj/task/list-by-ids", tasks.ListByConditionAsync);
        if (routes.Contains(SimRoute.Queue)) app.MapGet("/mj/task/queue", tasks.QueueAsync);
        if (routes.Contains(SimRoute.Cancel)) app.MapPost("/mj/task/{id}/cancel", tasks.CancelAsync);
        if (routes.Contains(SimRoute.Query)) app.MapPost("/mj/task/query", tasks.QueryAsync);
        if (routes.Contains(SimRoute.ImageSeed)) app.MapGet("/mj/task/{id}/image-seed", tasks.ImageSeedAsync);

        if (routes.Contains(SimRoute.Home))
        {
            var home = new HomeEndpoints(services);
            app.MapGet("/health", home.HealthAsync);
            app.MapGet("/mj/home", home.HomeAsync);
            app.MapGet("/mj/admin/current", home.CurrentAsync);
        }

        if (routes.Contains(SimRoute.AdminApi))
        {
            var admin = new AdminEndpoints(services);
            app.MapGet("/mj/admin/accounts", admin.AccountListAsync);
            app.MapPost("/mj/admin/accounts", admin.AccountPageAsync);
            app.MapGet("/mj/admin/account/{id}", admin.AccountAsync);
            app.MapDelete("/mj/admin/account/{id}", admin.DeleteAccountAsync);
            app.MapPost("/mj/admin/accounts-enable", admin.EnableAsync);
            app.MapPut("/mj/admin/account-reconnect/{id}", admin.ReconnectAsync);
            app.MapPost("/mj/admin/account-sync/{id}", admin.SyncAsync);
            app.MapPost("/mj/admin/users", admin.UsersAsync);
            app.MapPost("/mj/admin/user", admin.SaveUserAsync);
            app.MapDelete("/mj/admin/user/{id}", admin.DeleteUserAsync);
            app.MapPost("/mj/admin/banned-words", admin.BannedWordsAsync);
            app.MapPost("/mj/admin/banned-word", admin.SaveBannedWordAsync);
            app.MapDelete("/mj/admin/banned-word/{id}", admin.DeleteBannedWordAsync);
        }

        if (routes.Contains(SimRoute.AccountList) || routes.Contains(SimRoute.AccountAdmin))
        {
            var accounts = new AccountEndpoints(services);
            app.MapGet("/mj/account/{id}/fetch", accounts.FetchAsync);
            if (routes.Contains(SimRoute.AccountList)) app.MapGet("/mj/account/list", accounts.ListAsync);
            if (routes.Contains(SimRoute.AccountAdmin))
            {
                app.MapPost("/mj/account/query", accounts.QueryAsync);
                app.MapPut("/mj/account/{id}/update-reconnect", accounts.UpdateReconnectAsync);
                app.MapPost("/mj/account/{id}/sync-info", accounts.SyncAsync);
                app.MapDelete("/mj/account/{id}/delete", accounts.DeleteAsync);
            }
        }

        app.MapGet("/sim/stats", sim.StatsAsync);
        app.MapGet("/sim/accounts", sim.AccountsAsync);
        app.MapPost("/sim/accounts", sim.AccountsAsync);
        app.MapPost("/sim/reset", sim.ResetAsync);
        app.MapGet("/sim/tasks", sim.TasksAsync);
        app.MapGet("/sim/images/{taskId}/{file}", sim.ImageAsync);
        app.MapGet("/sim/attachments/{id}/{file}", sim.AttachmentAsync);
        app.MapGet("/sim/health", () => "ok");
    }
}
