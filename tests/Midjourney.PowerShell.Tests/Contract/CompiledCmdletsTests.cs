using System.Linq;
using Xunit;

namespace Midjourney.PowerShell.Tests.Contract;

public class CompiledCmdletsTests
{
    [Fact]
    public void Reads_cmdlets_parameters_and_sets_from_the_compiled_assembly()
    {
        var cmdlets = CompiledCmdlets.Load();
        var wait = Assert.Single(cmdlets, c => c.Name == "Wait-MjTask");

        Assert.Equal("WaitMjTaskCommand", wait.ClassName);
        Assert.Equal("Task", wait.DefaultParameterSetName);
        Assert.Equal(new[] { "Task", "Id" }, wait.ParameterSetNames);
        var id = wait.Parameter("Id")!;
        Assert.Equal("String[]", id.TypeName);
        Assert.Equal(new[] { "TaskId" }, id.Aliases);
        Assert.True(id.InSet("Id")!.ValueFromPipelineByPropertyName);
        var range = wait.Parameter("PollInterval")!.Attribute("ValidateRange")!;
        Assert.Equal(new object?[] { 1, 3600 }, range.Arguments);
        Assert.Contains("Midjourney.Client.MjTask", wait.OutputTypes);
    }

    [Fact]
    public void Inherited_parameters_are_included_and_switches_recognised()
    {
        var imagine = CompiledCmdlets.Load().Single(c => c.Name == "New-MjImagine");

        Assert.True(imagine.Parameter("Wait")!.IsSwitch);
        Assert.Equal("MjConnection", imagine.Parameter("Connection")!.TypeName);
        Assert.True(imagine.SupportsShouldProcess);
        Assert.Equal("Medium", imagine.ConfirmImpact);
    }
}
