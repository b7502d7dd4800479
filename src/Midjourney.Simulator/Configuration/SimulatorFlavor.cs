namespace Midjourney.Simulator;

/// <summary>Which real midjourney-proxy server the simulator imitates on the wire.</summary>
public enum SimulatorFlavor
{
    /// <summary>trueai-org/midjourney-proxy v10+ (CLI name <c>trueai</c>): raw <c>Authorization</c> token, HTTP 204 for a missing task, code 9 for a full queue.</summary>
    TrueAi,

    /// <summary>litter-coder/midjourney-proxy-plus (CLI name <c>plus</c>): <c>mj-api-secret</c>, codes 21/22/23/24.</summary>
    Plus,

    /// <summary>novicezk/midjourney-proxy 2.6.3 (CLI name <c>novicezk</c>): no buttons, no action/modal, empty 200 for a missing task.</summary>
    NoviceZk,

    /// <summary>new-api style gateway (CLI name <c>gateway</c>): Bearer keys, <c>/{mode}/mj/...</c> prefixes, HTTP 400/429 error shape.</summary>
    Gateway,

    /// <summary>The "taskapi" gateway (CLI name <c>taskapi</c>): <c>/mj</c> submit routes but a <c>TASK_STATUS_*</c> fetch body.</summary>
    TaskApi,
}
