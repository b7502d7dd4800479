using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace Midjourney.PowerShell.Tests.Packaging;

/// <summary>build.ps1's $DependencyAllowList must be exactly the third-party dlls that dotnet publish of the module produces.</summary>
public class DependencyAllowListTests
{
    private static List<string> ScriptList(string variable)
    {
        var script = RepoFiles.Read(RepoFiles.BuildScript);
        var match = Regex.Match(script, @"^\$" + variable + @"\s*=\s*@\((?<body>[^)]*)\)", RegexOptions.Multiline);
        Assert.True(match.Success, $"${variable} = @( ... ) not found in build.ps1");
        var body = string.Join("\n", match.Groups["body"].Value.Split('\n').Select(l => l.Split('#')[0]));
        return Regex.Matches(body, @"'([^']+)'").Select(m => m.Groups[1].Value).ToList();
    }

    /// <summary>
    /// The runtime dlls that publish copies, from src/Midjourney.PowerShell/obj/project.assets.json: the closure of
    /// the project's package dependencies (minus PrivateAssets=all ones) and of its project references.
    /// </summary>
    private static (SortedSet<string> Packages, SortedSet<string> Projects) PublishedDlls()
    {
        Assert.True(File.Exists(RepoFiles.ModuleAssetsFile), "restore src/Midjourney.PowerShell first");
        using var assets = JsonDocument.Parse(File.ReadAllText(RepoFiles.ModuleAssetsFile));
        var root = assets.RootElement;
        var target = root.GetProperty("targets").EnumerateObject().Single().Value;
        var byName = target.EnumerateObject().ToDictionary(p => p.Name.Split('/')[0], p => p.Value, StringComparer.OrdinalIgnoreCase);

        var framework = root.GetProperty("project").GetProperty("frameworks").EnumerateObject().Single().Value;
        var pending = new Stack<string>();
        if (framework.TryGetProperty("dependencies", out var direct))
        {
            foreach (var dependency in direct.EnumerateObject())
            {
                bool privateAll = dependency.Value.TryGetProperty("suppressParent", out var suppress) && suppress.GetString() == "All";
                if (!privateAll) pending.Push(dependency.Name);
            }
        }

        foreach (var entry in target.EnumerateObject().Where(e => e.Value.GetProperty("type").GetString() == "project"))
        {
            pending.Push(entry.Name.Split('/')[0]);
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var packages = new SortedSet<string>(StringComparer.Ordinal);
        var projects = new SortedSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (!seen.Add(name)) continue;
            var entry = byName[name];
            bool isProject = entry.GetProperty("type").GetString() == "project";
            if (entry.TryGetProperty("runtime", out var runtime))
            {
                foreach (var file in runtime.EnumerateObject().Select(f => Path.GetFileName(f.Name)).Where(f => f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
                {
                    (isProject ? projects : packages).Add(file);
                }
            }

            if (entry.TryGetProperty("dependencies", out var next))
            {
                foreach (var dependency in next.EnumerateObject()) pending.Push(dependency.Name);
            }
        }

        return (packages, projects);
    }

    [Fact]
    public void Allow_list_is_exactly_the_third_party_runtime_dlls()
    {
        var allowList = ScriptList("DependencyAllowList");
        Assert.Equal(allowList.Distinct(StringComparer.OrdinalIgnoreCase).Count(), allowList.Count);
        Assert.Equal(PublishedDlls().Packages.ToList(), allowList.OrderBy(n => n, StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Module_assemblies_are_the_module_and_its_project_references()
    {
        var expected = PublishedDlls().Projects;
        expected.Add("Midjourney.PowerShell.dll");
        Assert.Equal(expected.ToList(), ScriptList("ModuleAssemblies").OrderBy(n => n, StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Native_allow_list_names_real_native_assets_of_the_project()
    {
        using var assets = JsonDocument.Parse(File.ReadAllText(RepoFiles.ModuleAssetsFile));
        var target = assets.RootElement.GetProperty("targets").EnumerateObject().Single().Value;
        var natives = new HashSet<string>(StringComparer.Ordinal);
        foreach (var package in target.EnumerateObject())
        {
            if (package.Value.TryGetProperty("runtimeTargets", out var runtimeTargets))
            {
                foreach (var file in runtimeTargets.EnumerateObject().Where(f => f.Value.GetProperty("assetType").GetString() == "native"))
                {
                    natives.Add(file.Name);
                }
            }
        }

        var allowList = ScriptList("NativeAllowList");
        Assert.NotEmpty(allowList);
        Assert.All(allowList, path => Assert.Contains(path, natives));

        // The 64-bit Windows, Linux and macOS libraries ship; the rest are added by the user where needed (README).
        var shipped = new[] { "win-x64", "win-arm64", "linux-x64", "linux-arm64", "osx" };
        foreach (var rid in shipped)
        {
            Assert.Contains(allowList, path => path.StartsWith("runtimes/" + rid + "/native/libSkiaSharp", StringComparison.Ordinal));
        }

        Assert.Equal(shipped.Length, allowList.Count);
    }

    [Fact]
    public void Nothing_from_PowerShell_itself_is_shipped()
    {
        var all = ScriptList("DependencyAllowList").Concat(ScriptList("ModuleAssemblies")).ToList();
        Assert.DoesNotContain("System.Management.Automation.dll", all);
        Assert.DoesNotContain("Newtonsoft.Json.dll", all);
    }
}
