// The module's connections live in one registry per process (MjSession.Current): two test classes connecting at once
// would send each other's commands to their own servers. The classes of this project run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
