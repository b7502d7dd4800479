using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using Midjourney.Client;

namespace Midjourney.PowerShell.Completers;

/// <summary>
/// What a completer can know about the command being typed: the tasks it will get (from -Task, or from a variable
/// or safe expression piped into it) and the connection. Only variables, indexes and properties are evaluated:
/// completion never runs a command or a method.
/// </summary>
internal static class CompletionInput
{
    /// <summary>The tasks named by -Task, or by the variable/expression piped into the command; empty when unknown.</summary>
    public static IReadOnlyList<MjTask> Tasks(CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        if (fakeBoundParameters is not null && fakeBoundParameters.Contains("Task"))
        {
            return TasksIn(fakeBoundParameters["Task"]);
        }

        if (commandAst?.Parent is PipelineAst pipeline)
        {
            var position = pipeline.PipelineElements.IndexOf(commandAst);
            if (position > 0 && pipeline.PipelineElements[position - 1] is CommandExpressionAst piped)
            {
                return TasksIn(SafeValue(piped.Expression));
            }
        }

        return Array.Empty<MjTask>();
    }

    /// <summary>The -Connection given on the command line, else the session default, else the MJ_* one; null when there is none.</summary>
    public static MjConnection? Connection(IDictionary fakeBoundParameters)
    {
        var given = fakeBoundParameters is not null && fakeBoundParameters.Contains("Connection") ? Unwrap(fakeBoundParameters["Connection"]) : null;
        return given switch
        {
            MjConnection connection => connection,
            string or Uri => MjConnectionTransformationAttribute.Find(given),
            _ => MjSession.Current.Default ?? Environment(),
        };
    }

    private static MjConnection? Environment()
    {
        try
        {
            return MjSession.Current.EnvironmentConnection();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static IReadOnlyList<MjTask> TasksIn(object? value)
    {
        value = Unwrap(value);
        if (value is MjTask task)
        {
            return new[] { task };
        }

        return value is IEnumerable items and not string
            ? items.Cast<object?>().Select(Unwrap).OfType<MjTask>().ToList()
            : Array.Empty<MjTask>();
    }

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    // $up, $tasks[0], $result.Task, ($up): read, never invoked.
    private static object? SafeValue(ExpressionAst expression)
    {
        switch (expression)
        {
            case VariableExpressionAst variable when !variable.Splatted:
                return Variable(variable.VariablePath.UserPath);
            case ParenExpressionAst { Pipeline: PipelineAst { PipelineElements.Count: 1 } inner } when inner.PipelineElements[0] is CommandExpressionAst only:
                return SafeValue(only.Expression);
            case IndexExpressionAst index when index.Index is ConstantExpressionAst { Value: int i }:
                var list = Unwrap(SafeValue(index.Target)) as IList;
                return list is null ? null : i >= 0 && i < list.Count ? list[i] : i < 0 && -i <= list.Count ? list[list.Count + i] : null;
            case MemberExpressionAst member when member is not InvokeMemberExpressionAst && !member.Static && member.Member is StringConstantExpressionAst name:
                var target = SafeValue(member.Expression);
                return target is null ? null : PSObject.AsPSObject(target).Properties[name.Value]?.Value;
            default:
                return null;
        }
    }

    private static object? Variable(string name)
    {
        if (Runspace.DefaultRunspace is null)
        {
            return null;
        }

        using var shell = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace);
        shell.AddCommand("Microsoft.PowerShell.Utility\\Get-Variable").AddParameter("Name", name).AddParameter("ValueOnly").AddParameter("ErrorAction", "Ignore");
        var values = shell.Invoke();
        return values.Count == 1 ? values[0] : null;
    }
}
