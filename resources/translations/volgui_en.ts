<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ChangeSummary</name>
    <message numerus="yes">
        <source>The container changed %n path(s) in its own layer, outside any volume. The new container starts without them.</source>
        <translation>
            <numerusform>The container changed %n path in its own layer, outside any volume. The new container starts without it.</numerusform>
            <numerusform>The container changed %n paths in its own layer, outside any volume. The new container starts without them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message numerus="yes">
        <source>Used by %n container(s)</source>
        <translation>
            <numerusform>Used by %n container</numerusform>
            <numerusform>Used by %n containers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilesTab</name>
    <message numerus="yes">
        <source>Upload %n file(s) ({names}) into {folder} of volume {volume}? Files of the same names there are replaced.</source>
        <translation>
            <numerusform>Upload %n file ({names}) into {folder} of volume {volume}? A file of the same name there is replaced.</numerusform>
            <numerusform>Upload %n files ({names}) into {folder} of volume {volume}? Files of the same names there are replaced.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message numerus="yes">
        <source>%n year(s) ago</source>
        <translation>
            <numerusform>%n year ago</numerusform>
            <numerusform>%n years ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>%n month ago</numerusform>
            <numerusform>%n months ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s) ago</source>
        <translation>
            <numerusform>%n week ago</numerusform>
            <numerusform>%n weeks ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n volume(s)</source>
        <translation>
            <numerusform>%n volume</numerusform>
            <numerusform>%n volumes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n container(s)</source>
        <translation>
            <numerusform>%n container</numerusform>
            <numerusform>%n containers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GraphWords</name>
    <message numerus="yes">
        <source>%n anonymous volume(s):</source>
        <translation>
            <numerusform>%n anonymous volume:</numerusform>
            <numerusform>%n anonymous volumes:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n anonymous volume(s) no container mounts:</source>
        <translation>
            <numerusform>%n anonymous volume no container mounts:</numerusform>
            <numerusform>%n anonymous volumes no container mounts:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HousekeepingMixin</name>
    <message numerus="yes">
        <source>Remove these %n volume(s) and all the data in them?</source>
        <translation>
            <numerusform>Remove this %n volume and all the data in it?</numerusform>
            <numerusform>Remove these %n volumes and all the data in them?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pruned %n volume(s)</source>
        <translation>
            <numerusform>Pruned %n volume</numerusform>
            <numerusform>Pruned %n volumes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PruneDialog</name>
    <message numerus="yes">
        <source>Removing %n volume(s)…</source>
        <translation>
            <numerusform>Removing %n volume…</numerusform>
            <numerusform>Removing %n volumes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>These %n unused volume(s) will be removed with their data.</source>
        <translation>
            <numerusform>These %n unused volume will be removed with their data.</numerusform>
            <numerusform>These %n unused volumes will be removed with their data.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>These %n unused anonymous volume(s) will be removed with their data.</source>
        <translation>
            <numerusform>These %n unused anonymous volume will be removed with their data.</numerusform>
            <numerusform>These %n unused anonymous volumes will be removed with their data.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusBarMixin</name>
    <message numerus="yes">
        <source>%n task(s) running</source>
        <translation>
            <numerusform>%n task running</numerusform>
            <numerusform>%n tasks running</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VolumeModel</name>
    <message numerus="yes">
        <source>%n container(s)</source>
        <translation>
            <numerusform>%n container</numerusform>
            <numerusform>%n containers</numerusform>
        </translation>
    </message>
</context>
</TS>
