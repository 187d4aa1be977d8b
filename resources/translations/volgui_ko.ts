<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ActionsMixin</name>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Read everything again</source>
        <translation>모두 다시 읽기</translation>
    </message>
    <message>
        <source>New volume…</source>
        <translation>새 볼륨…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Remove the selected volumes</source>
        <translation>선택한 볼륨 삭제</translation>
    </message>
    <message>
        <source>Prune…</source>
        <translation>정리…</translation>
    </message>
    <message>
        <source>Remove volumes no container uses, after showing exactly which</source>
        <translation>어떤 컨테이너도 사용하지 않는 볼륨을, 어느 것인지 먼저 보여 준 뒤 삭제</translation>
    </message>
    <message>
        <source>Compute sizes</source>
        <translation>크기 계산</translation>
    </message>
    <message>
        <source>Ask the engine how much each volume holds (walks every volume: can be slow)</source>
        <translation>볼륨마다 얼마나 차지하는지 엔진에 묻기 (모든 볼륨을 훑으므로 느릴 수 있음)</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>필터</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>끝내기</translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation>이름 복사</translation>
    </message>
    <message>
        <source>Mount graph</source>
        <translation>마운트 그래프</translation>
    </message>
    <message>
        <source>Show or hide the mount graph</source>
        <translation>마운트 그래프 보이기/숨기기</translation>
    </message>
    <message>
        <source>Filter (Ctrl+F)</source>
        <translation>필터 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Show only the volumes (name, driver, labels) and containers (name, image, state, mounts) that contain this text</source>
        <translation>이 글자가 들어 있는 볼륨(이름, 드라이버, 레이블)과 컨테이너(이름, 이미지, 상태, 마운트)만 보이기</translation>
    </message>
    <message>
        <source>Anonymous volumes</source>
        <translation>익명 볼륨</translation>
    </message>
    <message>
        <source>Show volumes Docker created without a name</source>
        <translation>도커가 이름 없이 만든 볼륨 보이기</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>기본 도구 모음</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>조회</translation>
    </message>
    <message>
        <source>Copy id</source>
        <translation>ID 복사</translation>
    </message>
</context>
<context>
    <name>ApplyJob</name>
    <message>
        <source>Creating and starting %1</source>
        <translation>%1 생성 및 시작</translation>
    </message>
    <message>
        <source>Creating %1</source>
        <translation>%1 생성</translation>
    </message>
    <message>
        <source>Replacing %1</source>
        <translation>컨테이너 %1 교체</translation>
    </message>
    <message>
        <source>rolling back: %1</source>
        <translation>되돌리는 중: %1</translation>
    </message>
</context>
<context>
    <name>ChangePlan</name>
    <message>
        <source>nothing changed: add, remove or change a mount first</source>
        <translation>바뀐 것이 없습니다: 먼저 마운트를 추가하거나 삭제하거나 바꾸세요</translation>
    </message>
    <message>
        <source>a tmpfs</source>
        <translation>tmpfs</translation>
    </message>
    <message>
        <source>host folder {path}</source>
        <translation>호스트 폴더 {path}</translation>
    </message>
    <message>
        <source>an anonymous volume</source>
        <translation>익명 볼륨</translation>
    </message>
    <message>
        <source>{what} mounted at {path} read-only</source>
        <translation>{path}에 {what} 읽기 전용 마운트</translation>
    </message>
    <message>
        <source>{what} mounted at {path}</source>
        <translation>{path}에 {what} 마운트</translation>
    </message>
    <message>
        <source>{path} read-only</source>
        <translation>{path} 읽기 전용으로</translation>
    </message>
    <message>
        <source>{path} writable</source>
        <translation>{path} 읽기/쓰기로</translation>
    </message>
    <message>
        <source>it is running and will be restarted</source>
        <translation>지금 실행 중이므로 다시 시작됩니다</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>it is {state} and will stay so</source>
        <translation>지금 {state} 상태이며 그대로 유지됩니다</translation>
    </message>
    <message>
        <source>{name} stays as it is: no mount changed.</source>
        <translation>{name}은(는) 그대로입니다: 바뀐 마운트가 없습니다.</translation>
    </message>
    <message>
        <source>{path} no longer mounted</source>
        <translation>{path} 마운트 해제</translation>
    </message>
    <message>
        <source>with {changes}</source>
        <translation>{changes}</translation>
    </message>
    <message>
        <source> ({names} stays on the engine with its data)</source>
        <translation> ({names}은(는) 데이터와 함께 엔진에 남습니다)</translation>
    </message>
    <message>
        <source>{name} will be replaced by an identical container {changes}; {state}.</source>
        <translation>{name}을(를) 같은 설정의 새 컨테이너로 교체합니다: {changes}. {state}.</translation>
    </message>
</context>
<context>
    <name>ChangeSummary</name>
    <message>
        <source>Files written inside the container</source>
        <translation>컨테이너 안에 쓰인 파일</translation>
    </message>
    <message>
        <source>Discard these changes</source>
        <translation>이 변경 사항 버리기</translation>
    </message>
    <message>
        <source>Replacing the container throws away what it wrote outside its volumes</source>
        <translation>컨테이너를 교체하면 볼륨 밖에 쓴 내용은 버려집니다</translation>
    </message>
    <message numerus="yes">
        <source>The container changed %n path(s) in its own layer, outside any volume. The new container starts without them.</source>
        <translation>
            <numerusform>컨테이너가 볼륨 밖, 자체 레이어에서 경로 %n개를 바꿨습니다. 새 컨테이너는 이 변경 없이 시작합니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… 외 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>tick “Discard these changes” (or move those files into a volume first)</source>
        <translation>“이 변경 사항 버리기”를 체크하세요 (또는 먼저 그 파일을 볼륨으로 옮기세요)</translation>
    </message>
</context>
<context>
    <name>CommandPreview</name>
    <message>
        <source>Command</source>
        <translation>명령</translation>
    </message>
    <message>
        <source>docker run … (paste a line: the form follows)</source>
        <translation>docker run … (한 줄을 붙여 넣으면 양식이 따라 바뀝니다)</translation>
    </message>
    <message>
        <source>The docker run line of the form; edit or paste one here</source>
        <translation>양식의 docker run 명령입니다. 여기서 고치거나 붙여 넣으세요</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy the docker run line (or the compose YAML shown)</source>
        <translation>docker run 명령(또는 보이는 compose YAML)을 복사</translation>
    </message>
    <message>
        <source>Compose</source>
        <translation>Compose</translation>
    </message>
    <message>
        <source>Show the same container as a compose service</source>
        <translation>같은 컨테이너를 compose 서비스로 보기</translation>
    </message>
</context>
<context>
    <name>ContainerActions</name>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>재시작</translation>
    </message>
    <message>
        <source>Copy docker run command</source>
        <translation>docker run 명령 복사</translation>
    </message>
    <message>
        <source>Mounts…</source>
        <translation>마운트…</translation>
    </message>
    <message>
        <source>Duplicate…</source>
        <translation>복제…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>New container…</source>
        <translation>새 컨테이너…</translation>
    </message>
    <message>
        <source>{what}: done</source>
        <translation>{what}: 완료</translation>
    </message>
    <message>
        <source>Starting {name}</source>
        <translation>컨테이너 {name} 시작</translation>
    </message>
    <message>
        <source>Stopping {name}</source>
        <translation>컨테이너 {name} 중지</translation>
    </message>
    <message>
        <source>Restarting {name}</source>
        <translation>컨테이너 {name} 재시작</translation>
    </message>
    <message>
        <source>Copied the docker run line of {name}</source>
        <translation>{name}의 docker run 명령을 복사했습니다</translation>
    </message>
    <message>
        <source>Duplicate of {name} not opened: another engine is shown now</source>
        <translation>{name} 복제 창을 열지 않았습니다: 지금은 다른 엔진을 보고 있습니다</translation>
    </message>
    <message>
        <source>Reading the settings of {name}</source>
        <translation>{name}의 설정 읽기</translation>
    </message>
    <message>
        <source>Remove containers {names}?</source>
        <translation>컨테이너 {names}을(를) 삭제할까요?</translation>
    </message>
    <message>
        <source>Remove container {names}?</source>
        <translation>컨테이너 {names}을(를) 삭제할까요?</translation>
    </message>
    <message>
        <source>Remove containers</source>
        <translation>컨테이너 삭제</translation>
    </message>
    <message>
        <source>{names} will be stopped first.</source>
        <translation>{names}은(는) 먼저 중지됩니다.</translation>
    </message>
    <message>
        <source>The volumes stay, with their data: {names}.</source>
        <translation>볼륨은 데이터와 함께 남습니다: {names}.</translation>
    </message>
    <message>
        <source>It mounts no volume; what it wrote in its own layer is lost.</source>
        <translation>마운트한 볼륨이 없습니다. 컨테이너 자체 레이어에 쓴 내용은 사라집니다.</translation>
    </message>
    <message>
        <source>Removing {name}</source>
        <translation>컨테이너 {name} 삭제</translation>
    </message>
    <message>
        <source>Waiting for {what} to finish (or roll back) before closing</source>
        <translation>닫기 전에 {what}이(가) 끝나거나 되돌려지기를 기다리는 중</translation>
    </message>
    <message>
        <source>A change is under way ({what}). volgui closes as soon as it has finished or rolled back; the old container is never left half replaced.</source>
        <translation>변경 작업이 진행 중입니다({what}). 작업이 끝나거나 되돌려지는 대로 volgui가 닫힙니다. 기존 컨테이너가 반쯤 교체된 채로 남는 일은 없습니다.</translation>
    </message>
</context>
<context>
    <name>ContainerModel</name>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>restarting</source>
        <translation>재시작 중</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>created</source>
        <translation>생성됨</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>종료됨</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>비정상 종료</translation>
    </message>
    <message>
        <source>removing</source>
        <translation>삭제 중</translation>
    </message>
    <message>
        <source>{mount} (read-only)</source>
        <translation>{mount} (읽기 전용)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Mounts</source>
        <translation>마운트</translation>
    </message>
    <message>
        <source>no mounts</source>
        <translation>마운트 없음</translation>
    </message>
</context>
<context>
    <name>CopyDialog</name>
    <message>
        <source>Copy volume %1 to another engine</source>
        <translation>볼륨 %1을(를) 다른 엔진으로 복사</translation>
    </message>
    <message>
        <source>Another address…</source>
        <translation>다른 주소…</translation>
    </message>
    <message>
        <source>not known (Compute sizes tells)</source>
        <translation>알 수 없음 (크기 계산으로 확인)</translation>
    </message>
    <message>
        <source>Replace its files</source>
        <translation>그 볼륨의 파일을 바꾸기</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>볼륨</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>To engine</source>
        <translation>대상 엔진</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>Name there</source>
        <translation>대상 이름</translation>
    </message>
    <message>
        <source>Reading the target&apos;s volumes</source>
        <translation>대상 엔진의 볼륨을 읽는 중</translation>
    </message>
    <message>
        <source>Type the engine&apos;s address.</source>
        <translation>엔진 주소를 입력하세요.</translation>
    </message>
    <message>
        <source>A volume named %1 exists on %2 already. Copying replaces its files with this volume&apos;s; tick below to agree.</source>
        <translation>%2에 이름이 %1인 볼륨이 이미 있습니다. 복사하면 그 파일이 이 볼륨의 파일로 바뀝니다. 동의하면 아래를 체크하세요.</translation>
    </message>
    <message>
        <source>Reading what the target holds…</source>
        <translation>대상 엔진에 있는 것을 읽는 중…</translation>
    </message>
    <message>
        <source>What that engine holds is not known; the copy stops if it has a volume of that name.</source>
        <translation>그 엔진에 무엇이 있는지 알 수 없습니다. 같은 이름의 볼륨이 있으면 복사는 멈춥니다.</translation>
    </message>
    <message>
        <source>A new volume is made there; nothing here changes.</source>
        <translation>대상 엔진에 새 볼륨을 만듭니다. 여기서는 아무것도 바뀌지 않습니다.</translation>
    </message>
</context>
<context>
    <name>DataActions</name>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Write the volume&apos;s files to a .tar, .tar.gz or .tar.zst</source>
        <translation>볼륨의 파일을 .tar, .tar.gz 또는 .tar.zst로 저장</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>가져오기…</translation>
    </message>
    <message>
        <source>Fill a volume from an archive</source>
        <translation>아카이브로 볼륨 채우기</translation>
    </message>
    <message>
        <source>Clone…</source>
        <translation>복제…</translation>
    </message>
    <message>
        <source>Copy the volume to a new one</source>
        <translation>볼륨을 새 볼륨으로 복사</translation>
    </message>
    <message>
        <source>Empty…</source>
        <translation>비우기…</translation>
    </message>
    <message>
        <source>Remove every file in the volume</source>
        <translation>볼륨의 모든 파일 삭제</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>이름 바꾸기…</translation>
    </message>
    <message>
        <source>Rename the volume; its containers move with it</source>
        <translation>볼륨 이름 바꾸기 (사용하는 컨테이너도 함께 옮겨 감)</translation>
    </message>
    <message>
        <source>Copy to engine…</source>
        <translation>다른 엔진으로 복사…</translation>
    </message>
    <message>
        <source>Copy the volume to another Docker engine</source>
        <translation>볼륨을 다른 도커 엔진으로 복사</translation>
    </message>
    <message>
        <source>Removing leftover helper containers</source>
        <translation>남은 도우미 컨테이너 삭제</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>데이터(&amp;D)</translation>
    </message>
    <message>
        <source>Data toolbar</source>
        <translation>데이터 도구 모음</translation>
    </message>
    <message>
        <source>Archives (*.tar *.tar.gz *.tgz *.tar.zst);;All files (*)</source>
        <translation>아카이브 (*.tar *.tar.gz *.tgz *.tar.zst);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Export volume {name}</source>
        <translation>볼륨 {name} 내보내기</translation>
    </message>
    <message>
        <source>Exporting volume {name}</source>
        <translation>볼륨 {name} 내보내기</translation>
    </message>
    <message>
        <source>Import into volume {name}</source>
        <translation>볼륨 {name}(으)로 가져오기</translation>
    </message>
    <message>
        <source>Import {file} into volume {name}? If the volume holds files, they are removed first.</source>
        <translation>{file}을(를) 볼륨 {name}(으)로 가져올까요? 볼륨에 파일이 있으면 먼저 삭제됩니다.</translation>
    </message>
    <message>
        <source>Importing into volume {name}</source>
        <translation>볼륨 {name}(으)로 가져오기</translation>
    </message>
    <message>
        <source>Clone volume {name}</source>
        <translation>볼륨 {name} 복제</translation>
    </message>
    <message>
        <source>Name of the new volume:</source>
        <translation>새 볼륨의 이름:</translation>
    </message>
    <message>
        <source>Cloning {name} to {new}</source>
        <translation>{name}을(를) {new}(으)로 복제</translation>
    </message>
    <message>
        <source>Empty volume {name}? Every file in it is removed; containers using it keep running.</source>
        <translation>볼륨 {name}을(를) 비울까요? 안의 모든 파일이 삭제됩니다. 이 볼륨을 사용하는 컨테이너는 계속 실행됩니다.</translation>
    </message>
    <message>
        <source>Emptying volume {name}</source>
        <translation>볼륨 {name} 비우기</translation>
    </message>
    <message>
        <source>Rename volume {name}</source>
        <translation>볼륨 {name} 이름 바꾸기</translation>
    </message>
    <message>
        <source>New name (its containers are recreated with it, running as before):</source>
        <translation>새 이름 (사용하는 컨테이너는 새 이름으로 다시 만들어지고, 전처럼 실행됩니다):</translation>
    </message>
    <message>
        <source>Renaming {name} to {new}</source>
        <translation>{name}의 이름을 {new}(으)로 바꾸기</translation>
    </message>
</context>
<context>
    <name>DataSectionMixin</name>
    <message>
        <source>Details</source>
        <translation>상세 정보</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>파일</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>read-only</source>
        <translation>읽기 전용</translation>
    </message>
    <message>
        <source>read-write</source>
        <translation>읽기/쓰기</translation>
    </message>
    <message>
        <source>Select a volume or a container to see its details.</source>
        <translation>볼륨이나 컨테이너를 선택하면 상세 정보가 보입니다.</translation>
    </message>
    <message>
        <source>Selecting one highlights what it is mounted with.</source>
        <translation>선택하면 함께 마운트된 항목이 강조됩니다.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>container</source>
        <translation>컨테이너</translation>
    </message>
    <message>
        <source>state</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>destination</source>
        <translation>내부 경로</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>모드</translation>
    </message>
    <message>
        <source>No container uses this volume.</source>
        <translation>이 볼륨을 사용하는 컨테이너가 없습니다.</translation>
    </message>
    <message>
        <source>(anonymous)</source>
        <translation>(익명)</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>드라이버</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>범위</translation>
    </message>
    <message>
        <source>Mountpoint</source>
        <translation>마운트 지점</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>생성</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>옵션</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>레이블</translation>
    </message>
    <message>
        <source>Volume {name}</source>
        <translation>볼륨 {name}</translation>
    </message>
    <message numerus="yes">
        <source>Used by %n container(s)</source>
        <translation>
            <numerusform>사용 중인 컨테이너 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Inspecting container {name}</source>
        <translation>컨테이너 {name} 조회</translation>
    </message>
    <message>
        <source>type</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>source</source>
        <translation>소스</translation>
    </message>
    <message>
        <source>No mounts.</source>
        <translation>마운트가 없습니다.</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Inspecting…</source>
        <translation>조회 중…</translation>
    </message>
    <message>
        <source>Container {name}</source>
        <translation>컨테이너 {name}</translation>
    </message>
    <message>
        <source>Mounts</source>
        <translation>마운트</translation>
    </message>
</context>
<context>
    <name>EngineBanner</name>
    <message>
        <source>Next try in {seconds} s.</source>
        <translation>{seconds}초 뒤에 다시 시도합니다.</translation>
    </message>
    <message>
        <source>Trying again…</source>
        <translation>다시 시도하는 중…</translation>
    </message>
    <message>
        <source>Showing the last known data.</source>
        <translation>마지막으로 받은 데이터를 보여 줍니다.</translation>
    </message>
    <message>
        <source>The lists fill as soon as it answers.</source>
        <translation>엔진이 응답하면 바로 목록이 채워집니다.</translation>
    </message>
    <message>
        <source>The Docker engine is not answering.</source>
        <translation>도커 엔진이 응답하지 않습니다.</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>지금 다시 시도</translation>
    </message>
</context>
<context>
    <name>EngineDialog</name>
    <message>
        <source>Edit engine</source>
        <translation>엔진 편집</translation>
    </message>
    <message>
        <source>Add engine</source>
        <translation>엔진 추가</translation>
    </message>
    <message>
        <source>directory with ca.pem, cert.pem, key.pem</source>
        <translation>ca.pem, cert.pem, key.pem이 있는 디렉터리</translation>
    </message>
    <message>
        <source>Do not verify the engine&apos;s certificate</source>
        <translation>엔진의 인증서를 검증하지 않음</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>an engine named %1 exists already</source>
        <translation>이름이 %1인 엔진이 이미 있습니다</translation>
    </message>
</context>
<context>
    <name>EngineList</name>
    <message>
        <source>Add engine…</source>
        <translation>엔진 추가…</translation>
    </message>
    <message>
        <source>Edit engine…</source>
        <translation>엔진 편집…</translation>
    </message>
    <message>
        <source>Remove engine</source>
        <translation>엔진 삭제</translation>
    </message>
</context>
<context>
    <name>EngineListModel</name>
    <message>
        <source>Engine</source>
        <translation>엔진</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>볼륨</translation>
    </message>
    <message>
        <source>from a docker context</source>
        <translation>docker 컨텍스트에서</translation>
    </message>
    <message>
        <source>added in volgui</source>
        <translation>volgui에서 추가함</translation>
    </message>
    <message>
        <source>a Podman socket</source>
        <translation>Podman 소켓</translation>
    </message>
    <message>
        <source>given on the command line</source>
        <translation>명령줄에서 지정함</translation>
    </message>
    <message>
        <source>volgui&apos;s sandbox engine, with sample data</source>
        <translation>volgui의 샌드박스 엔진 (샘플 데이터)</translation>
    </message>
    <message>
        <source>down: %1</source>
        <translation>응답 없음: %1</translation>
    </message>
    <message>
        <source>up</source>
        <translation>연결됨</translation>
    </message>
    <message>
        <source>%1 %2, API %3</source>
        <translation>%1 %2, API %3</translation>
    </message>
</context>
<context>
    <name>EnginesController</name>
    <message>
        <source>Asking %1</source>
        <translation>%1에 상태 묻기</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>%1 읽기</translation>
    </message>
    <message>
        <source>Updating %1</source>
        <translation>%1 갱신</translation>
    </message>
    <message>
        <source>Closing %1</source>
        <translation>%1 닫는 중</translation>
    </message>
</context>
<context>
    <name>EnginesSectionMixin</name>
    <message>
        <source>Add…</source>
        <translation>추가…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>편집…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Engines</source>
        <translation>엔진</translation>
    </message>
    <message>
        <source>&amp;Engines</source>
        <translation>엔진(&amp;E)</translation>
    </message>
    <message>
        <source>%1 is on this engine already; Clone… copies it here.</source>
        <translation>%1은(는) 이미 이 엔진에 있습니다. 같은 엔진에서는 복제…를 쓰세요.</translation>
    </message>
    <message>
        <source>Copying %1 to %2 on %3</source>
        <translation>%1을(를) %3의 %2(으)로 복사하는 중</translation>
    </message>
    <message>
        <source>Copied to %1 on %2</source>
        <translation>%2의 %1(으)로 복사했습니다</translation>
    </message>
</context>
<context>
    <name>FilesModel</name>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>모드</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>소유자</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>수정 시각</translation>
    </message>
    <message>
        <source>{name} (hard link to {target})</source>
        <translation>{name} ({target}의 하드 링크)</translation>
    </message>
    <message>
        <source>Listing {path} in volume {name}</source>
        <translation>볼륨 {name}의 {path} 목록 읽기</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
</context>
<context>
    <name>FilesTab</name>
    <message>
        <source>Select a small text file to see it here.</source>
        <translation>작은 텍스트 파일을 선택하면 여기에 내용이 보입니다.</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>내려받기…</translation>
    </message>
    <message>
        <source>Upload…</source>
        <translation>올리기…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>삭제…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>다시 읽기</translation>
    </message>
    <message>
        <source>Files in volume &lt;b&gt;{name}&lt;/b&gt;</source>
        <translation>볼륨 &lt;b&gt;{name}&lt;/b&gt;의 파일</translation>
    </message>
    <message>
        <source>Select a volume to see its files.</source>
        <translation>볼륨을 선택하면 파일이 보입니다.</translation>
    </message>
    <message>
        <source>({size} bytes: too large to preview)</source>
        <translation>({size}바이트: 미리 보기에는 너무 큽니다)</translation>
    </message>
    <message>
        <source>Reading {path}</source>
        <translation>{path} 읽기</translation>
    </message>
    <message>
        <source>(binary file, {size} bytes)</source>
        <translation>(바이너리 파일, {size}바이트)</translation>
    </message>
    <message>
        <source>Download {name} to</source>
        <translation>{name} 내려받을 위치</translation>
    </message>
    <message>
        <source>Downloading {name}</source>
        <translation>{name} 내려받기</translation>
    </message>
    <message>
        <source>Downloading {path}</source>
        <translation>{path} 내려받기</translation>
    </message>
    <message>
        <source>Upload into {folder}</source>
        <translation>{folder}에 올리기</translation>
    </message>
    <message numerus="yes">
        <source>Upload %n file(s) ({names}) into {folder} of volume {volume}? Files of the same names there are replaced.</source>
        <translation>
            <numerusform>파일 %n개({names})를 볼륨 {volume}의 {folder}에 올릴까요? 같은 이름의 파일이 있으면 덮어씁니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Uploading into {folder}</source>
        <translation>{folder}에 올리기</translation>
    </message>
    <message>
        <source>Delete {path} from volume {volume}? This removes the folder and everything in it.</source>
        <translation>볼륨 {volume}에서 {path}을(를) 삭제할까요? 폴더와 그 안의 모든 것이 삭제됩니다.</translation>
    </message>
    <message>
        <source>Delete {path} from volume {volume}? This removes it.</source>
        <translation>볼륨 {volume}에서 {path}을(를) 삭제할까요?</translation>
    </message>
    <message>
        <source>Deleting {path}</source>
        <translation>{path} 삭제</translation>
    </message>
</context>
<context>
    <name>FilterMixin</name>
    <message>
        <source>Volumes</source>
        <translation>볼륨</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>컨테이너</translation>
    </message>
    <message>
        <source>{shown} of {total} shown</source>
        <translation>{total}개 중 {shown}개 표시</translation>
    </message>
</context>
<context>
    <name>FlagSections</name>
    <message>
        <source>%1 needs API %2; this engine speaks %3</source>
        <translation>%1에는 API %2 이상이 필요합니다. 이 엔진의 API는 %3입니다</translation>
    </message>
</context>
<context>
    <name>FlagWords</name>
    <message>
        <source>Mounts</source>
        <translation>마운트</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>환경</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>자원</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>보안</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>상태 검사</translation>
    </message>
    <message>
        <source>Logging</source>
        <translation>로깅</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>런타임</translation>
    </message>
    <message>
        <source>Volumes from containers</source>
        <translation>다른 컨테이너의 볼륨</translation>
    </message>
    <message>
        <source>Volume driver</source>
        <translation>볼륨 드라이버</translation>
    </message>
    <message>
        <source>Read-only root filesystem</source>
        <translation>읽기 전용 루트 파일 시스템</translation>
    </message>
    <message>
        <source>Storage driver options</source>
        <translation>스토리지 드라이버 옵션</translation>
    </message>
    <message>
        <source>Environment files</source>
        <translation>환경 변수 파일</translation>
    </message>
    <message>
        <source>Label files</source>
        <translation>레이블 파일</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>작업 디렉터리</translation>
    </message>
    <message>
        <source>User</source>
        <translation>사용자</translation>
    </message>
    <message>
        <source>Entrypoint</source>
        <translation>엔트리포인트</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>호스트 이름</translation>
    </message>
    <message>
        <source>Domain name</source>
        <translation>도메인 이름</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>애너테이션</translation>
    </message>
    <message>
        <source>Network aliases</source>
        <translation>네트워크 별칭</translation>
    </message>
    <message>
        <source>Publish all exposed ports</source>
        <translation>노출된 포트 모두 게시</translation>
    </message>
    <message>
        <source>Exposed ports</source>
        <translation>노출 포트</translation>
    </message>
    <message>
        <source>IPv4 address</source>
        <translation>IPv4 주소</translation>
    </message>
    <message>
        <source>IPv6 address</source>
        <translation>IPv6 주소</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>MAC 주소</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>링크</translation>
    </message>
    <message>
        <source>Link-local addresses</source>
        <translation>링크 로컬 주소</translation>
    </message>
    <message>
        <source>Extra hosts</source>
        <translation>추가 호스트</translation>
    </message>
    <message>
        <source>DNS servers</source>
        <translation>DNS 서버</translation>
    </message>
    <message>
        <source>DNS options</source>
        <translation>DNS 옵션</translation>
    </message>
    <message>
        <source>DNS search domains</source>
        <translation>DNS 검색 도메인</translation>
    </message>
    <message>
        <source>Memory limit</source>
        <translation>메모리 제한</translation>
    </message>
    <message>
        <source>Memory soft limit</source>
        <translation>메모리 소프트 제한</translation>
    </message>
    <message>
        <source>Memory plus swap</source>
        <translation>메모리+스왑 제한</translation>
    </message>
    <message>
        <source>Memory swappiness</source>
        <translation>메모리 스와핑 경향</translation>
    </message>
    <message>
        <source>Kernel memory limit</source>
        <translation>커널 메모리 제한</translation>
    </message>
    <message>
        <source>Disable the OOM killer</source>
        <translation>OOM 킬러 끄기</translation>
    </message>
    <message>
        <source>OOM score adjustment</source>
        <translation>OOM 점수 조정</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU 수</translation>
    </message>
    <message>
        <source>CPU shares</source>
        <translation>CPU 배분 비율</translation>
    </message>
    <message>
        <source>CPU CFS period</source>
        <translation>CPU CFS 주기</translation>
    </message>
    <message>
        <source>CPU CFS quota</source>
        <translation>CPU CFS 할당량</translation>
    </message>
    <message>
        <source>CPU real-time period</source>
        <translation>CPU 실시간 주기</translation>
    </message>
    <message>
        <source>CPU real-time runtime</source>
        <translation>CPU 실시간 실행 시간</translation>
    </message>
    <message>
        <source>CPUs allowed</source>
        <translation>허용 CPU</translation>
    </message>
    <message>
        <source>Memory nodes allowed</source>
        <translation>허용 메모리 노드</translation>
    </message>
    <message>
        <source>CPU count (Windows)</source>
        <translation>CPU 개수 (Windows)</translation>
    </message>
    <message>
        <source>CPU percent (Windows)</source>
        <translation>CPU 비율 (Windows)</translation>
    </message>
    <message>
        <source>PIDs limit</source>
        <translation>PID 수 제한</translation>
    </message>
    <message>
        <source>Size of /dev/shm</source>
        <translation>/dev/shm 크기</translation>
    </message>
    <message>
        <source>Ulimits</source>
        <translation>ulimit</translation>
    </message>
    <message>
        <source>Block IO weight</source>
        <translation>블록 IO 가중치</translation>
    </message>
    <message>
        <source>Block IO weight per device</source>
        <translation>장치별 블록 IO 가중치</translation>
    </message>
    <message>
        <source>Device read rate (bytes/s)</source>
        <translation>장치 읽기 속도 (바이트/초)</translation>
    </message>
    <message>
        <source>Device write rate (bytes/s)</source>
        <translation>장치 쓰기 속도 (바이트/초)</translation>
    </message>
    <message>
        <source>Device read rate (IO/s)</source>
        <translation>장치 읽기 속도 (IO/초)</translation>
    </message>
    <message>
        <source>Device write rate (IO/s)</source>
        <translation>장치 쓰기 속도 (IO/초)</translation>
    </message>
    <message>
        <source>IO bandwidth (Windows)</source>
        <translation>IO 대역폭 (Windows)</translation>
    </message>
    <message>
        <source>IOps (Windows)</source>
        <translation>IOPS (Windows)</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>Device cgroup rules</source>
        <translation>장치 cgroup 규칙</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Add Linux capabilities</source>
        <translation>리눅스 capability 추가</translation>
    </message>
    <message>
        <source>Drop Linux capabilities</source>
        <translation>리눅스 capability 제거</translation>
    </message>
    <message>
        <source>Privileged</source>
        <translation>특권 모드</translation>
    </message>
    <message>
        <source>Security options</source>
        <translation>보안 옵션</translation>
    </message>
    <message>
        <source>Additional groups</source>
        <translation>추가 그룹</translation>
    </message>
    <message>
        <source>User namespace</source>
        <translation>사용자 네임스페이스</translation>
    </message>
    <message>
        <source>Cgroup namespace</source>
        <translation>cgroup 네임스페이스</translation>
    </message>
    <message>
        <source>PID namespace</source>
        <translation>PID 네임스페이스</translation>
    </message>
    <message>
        <source>IPC mode</source>
        <translation>IPC 모드</translation>
    </message>
    <message>
        <source>UTS namespace</source>
        <translation>UTS 네임스페이스</translation>
    </message>
    <message>
        <source>Health check command</source>
        <translation>상태 검사 명령</translation>
    </message>
    <message>
        <source>Check interval</source>
        <translation>검사 간격</translation>
    </message>
    <message>
        <source>Check timeout</source>
        <translation>검사 제한 시간</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>재시도 횟수</translation>
    </message>
    <message>
        <source>Start period</source>
        <translation>시작 유예 기간</translation>
    </message>
    <message>
        <source>Start interval</source>
        <translation>시작 중 검사 간격</translation>
    </message>
    <message>
        <source>Disable the image&apos;s health check</source>
        <translation>이미지의 상태 검사 끄기</translation>
    </message>
    <message>
        <source>Logging driver</source>
        <translation>로깅 드라이버</translation>
    </message>
    <message>
        <source>Log driver options</source>
        <translation>로그 드라이버 옵션</translation>
    </message>
    <message>
        <source>Run in the background</source>
        <translation>백그라운드에서 실행</translation>
    </message>
    <message>
        <source>Keep STDIN open</source>
        <translation>STDIN 열어 두기</translation>
    </message>
    <message>
        <source>Allocate a TTY</source>
        <translation>TTY 할당</translation>
    </message>
    <message>
        <source>Attach to streams</source>
        <translation>스트림에 연결</translation>
    </message>
    <message>
        <source>Remove when it exits</source>
        <translation>종료되면 삭제</translation>
    </message>
    <message>
        <source>Stop signal</source>
        <translation>중지 시그널</translation>
    </message>
    <message>
        <source>Stop timeout (s)</source>
        <translation>중지 제한 시간 (초)</translation>
    </message>
    <message>
        <source>Run an init</source>
        <translation>init 프로세스 실행</translation>
    </message>
    <message>
        <source>Sysctls</source>
        <translation>sysctl</translation>
    </message>
    <message>
        <source>OCI runtime</source>
        <translation>OCI 런타임</translation>
    </message>
    <message>
        <source>Isolation</source>
        <translation>격리 방식</translation>
    </message>
    <message>
        <source>Parent cgroup</source>
        <translation>상위 cgroup</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>플랫폼</translation>
    </message>
    <message>
        <source>Container ID file</source>
        <translation>컨테이너 ID 파일</translation>
    </message>
    <message>
        <source>Pull policy</source>
        <translation>이미지 받기 정책</translation>
    </message>
    <message>
        <source>Quiet pull</source>
        <translation>이미지를 조용히 받기</translation>
    </message>
    <message>
        <source>Skip image verification</source>
        <translation>이미지 검증 건너뛰기</translation>
    </message>
    <message>
        <source>Proxy signals</source>
        <translation>시그널 전달</translation>
    </message>
    <message>
        <source>Detach keys</source>
        <translation>분리 키</translation>
    </message>
    <message>
        <source>Bind mount the API socket</source>
        <translation>API 소켓 바인드 마운트</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message numerus="yes">
        <source>%n year(s) ago</source>
        <translation>
            <numerusform>%n년 전</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>%n개월 전</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s) ago</source>
        <translation>
            <numerusform>%n주 전</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n일 전</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n시간 전</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n분 전</numerusform>
        </translation>
    </message>
    <message>
        <source>just now</source>
        <translation>방금</translation>
    </message>
    <message numerus="yes">
        <source>%n volume(s)</source>
        <translation>
            <numerusform>볼륨 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n container(s)</source>
        <translation>
            <numerusform>컨테이너 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} (anonymous)</source>
        <translation>{name} (익명)</translation>
    </message>
</context>
<context>
    <name>GraphWords</name>
    <message>
        <source>Unused ({n})</source>
        <translation>미사용 ({n})</translation>
    </message>
    <message>
        <source>Volumes · host paths · tmpfs</source>
        <translation>볼륨 · 호스트 경로 · tmpfs</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>컨테이너</translation>
    </message>
    <message>
        <source>{n} anonymous (unused)</source>
        <translation>익명 {n}개 (미사용)</translation>
    </message>
    <message>
        <source>{n} anonymous</source>
        <translation>익명 {n}개</translation>
    </message>
    <message>
        <source>host path {path}</source>
        <translation>호스트 경로 {path}</translation>
    </message>
    <message>
        <source>driver: {driver}</source>
        <translation>드라이버: {driver}</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>익명</translation>
    </message>
    <message>
        <source>labels: {labels}</source>
        <translation>레이블: {labels}</translation>
    </message>
    <message>
        <source>{names} and {n} more</source>
        <translation>{names} 외 {n}개</translation>
    </message>
    <message>
        <source>used by: {names}</source>
        <translation>사용 컨테이너: {names}</translation>
    </message>
    <message>
        <source>unused: no container mounts it</source>
        <translation>미사용: 마운트한 컨테이너가 없음</translation>
    </message>
    <message numerus="yes">
        <source>%n anonymous volume(s):</source>
        <translation>
            <numerusform>익명 볼륨 %n개:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n anonymous volume(s) no container mounts:</source>
        <translation>
            <numerusform>어떤 컨테이너도 마운트하지 않은 익명 볼륨 %n개:</numerusform>
        </translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… 외 {n}개</translation>
    </message>
    <message>
        <source>image: {image}</source>
        <translation>이미지: {image}</translation>
    </message>
    <message>
        <source>state: {state}</source>
        <translation>상태: {state}</translation>
    </message>
    <message>
        <source>id: {id}</source>
        <translation>ID: {id}</translation>
    </message>
    <message>
        <source>tmpfs (memory) at {destination} in {name}</source>
        <translation>{name}의 {destination}에 있는 tmpfs(메모리)</translation>
    </message>
    <message>
        <source>{mount} (read-only)</source>
        <translation>{mount} (읽기 전용)</translation>
    </message>
    <message>
        <source>volume mount</source>
        <translation>볼륨 마운트</translation>
    </message>
    <message>
        <source>bind mount</source>
        <translation>바인드 마운트</translation>
    </message>
    <message>
        <source>tmpfs mount</source>
        <translation>tmpfs 마운트</translation>
    </message>
    <message>
        <source>{kind} mount</source>
        <translation>{kind} 마운트</translation>
    </message>
</context>
<context>
    <name>HousekeepingMixin</name>
    <message>
        <source>Created volume {name}</source>
        <translation>볼륨 {name}을(를) 생성했습니다</translation>
    </message>
    <message>
        <source>• {name} is in use by {users}</source>
        <translation>• {name}: {users}에서 사용 중</translation>
    </message>
    <message>
        <source>Remove volumes</source>
        <translation>볼륨 삭제</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… 외 {n}개</translation>
    </message>
    <message>
        <source>The engine refuses to remove a volume while any container, even a stopped one, uses it:</source>
        <translation>컨테이너가 사용하는 볼륨은, 그 컨테이너가 중지되어 있더라도, 엔진이 삭제하지 않습니다:</translation>
    </message>
    <message>
        <source>Remove volume {name} and all the data in it?</source>
        <translation>볼륨 {name}과(와) 그 안의 모든 데이터를 삭제할까요?</translation>
    </message>
    <message numerus="yes">
        <source>Remove these %n volume(s) and all the data in them?</source>
        <translation>
            <numerusform>이 볼륨 %n개와 그 안의 모든 데이터를 삭제할까요?</numerusform>
        </translation>
    </message>
    <message>
        <source>Removing volume {name}</source>
        <translation>볼륨 {name} 삭제</translation>
    </message>
    <message>
        <source>Removed volume {name}</source>
        <translation>볼륨 {name}을(를) 삭제했습니다</translation>
    </message>
    <message numerus="yes">
        <source>Pruned %n volume(s)</source>
        <translation>
            <numerusform>볼륨 %n개를 정리했습니다</numerusform>
        </translation>
    </message>
    <message>
        <source>kept {n}: {kept}</source>
        <translation>{n}개는 남김: {kept}</translation>
    </message>
    <message>
        <source>Prune</source>
        <translation>정리</translation>
    </message>
    <message>
        <source>Computing volume sizes</source>
        <translation>볼륨 크기 계산</translation>
    </message>
    <message>
        <source>Sizes computed: {size} in all</source>
        <translation>크기 계산 완료: 모두 {size}</translation>
    </message>
    <message>
        <source>Volume {name}</source>
        <translation>볼륨 {name}</translation>
    </message>
    <message>
        <source>Container {name}</source>
        <translation>컨테이너 {name}</translation>
    </message>
    <message>
        <source>Inspecting volume {name}</source>
        <translation>볼륨 {name} 조회</translation>
    </message>
    <message>
        <source>Inspecting container {name}</source>
        <translation>컨테이너 {name} 조회</translation>
    </message>
</context>
<context>
    <name>InspectDialog</name>
    <message>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
</context>
<context>
    <name>KeyValueRows</name>
    <message>
        <source>Key</source>
        <translation>키</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>시스템 언어</translation>
    </message>
</context>
<context>
    <name>LanguageMixin</name>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
</context>
<context>
    <name>MountGraph</name>
    <message>
        <source>Laying out the mount graph</source>
        <translation>마운트 그래프 배치</translation>
    </message>
</context>
<context>
    <name>MountGraphPanel</name>
    <message>
        <source>Fit</source>
        <translation>맞춤</translation>
    </message>
    <message>
        <source>Show the whole graph</source>
        <translation>그래프 전체 보기</translation>
    </message>
    <message>
        <source>Zoom out (−, or the wheel)</source>
        <translation>축소 (− 또는 마우스 휠)</translation>
    </message>
    <message>
        <source>Zoom in (+, or the wheel)</source>
        <translation>확대 (+ 또는 마우스 휠)</translation>
    </message>
    <message>
        <source>Find a node… (Enter: next)</source>
        <translation>노드 찾기… (Enter: 다음)</translation>
    </message>
    <message>
        <source>Fold anonymous</source>
        <translation>익명 접기</translation>
    </message>
    <message>
        <source>Show anonymous volumes as one &quot;N anonymous&quot; node</source>
        <translation>익명 볼륨을 &quot;익명 N개&quot; 노드 하나로 보이기</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Save the graph as PNG or SVG</source>
        <translation>그래프를 PNG나 SVG로 저장</translation>
    </message>
    <message>
        <source>PNG image…</source>
        <translation>PNG 이미지…</translation>
    </message>
    <message>
        <source>SVG drawing…</source>
        <translation>SVG 그림…</translation>
    </message>
    <message>
        <source>Export the mount graph as {kind}</source>
        <translation>마운트 그래프를 {kind}로 내보내기</translation>
    </message>
</context>
<context>
    <name>MountsTable</name>
    <message>
        <source>{source} reads as a {type} source: choose type {type}, or give a volume name</source>
        <translation>{source}은(는) {type} 소스로 읽힙니다: 종류를 {type}(으)로 고르거나 볼륨 이름을 쓰세요</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>소스</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>내부 경로</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>읽기 전용</translation>
    </message>
    <message>
        <source>No mounts</source>
        <translation>마운트 없음</translation>
    </message>
    <message>
        <source>Choose a host folder</source>
        <translation>호스트 폴더 선택</translation>
    </message>
    <message>
        <source>/path/in/container</source>
        <translation>/컨테이너/안의/경로</translation>
    </message>
    <message>
        <source>Remove this mount</source>
        <translation>이 마운트 삭제</translation>
    </message>
    <message>
        <source>Host folder to mount</source>
        <translation>마운트할 호스트 폴더</translation>
    </message>
    <message>
        <source>mount %1: %2</source>
        <translation>마운트 %1: %2</translation>
    </message>
</context>
<context>
    <name>NameCheck</name>
    <message>
        <source>container name is empty</source>
        <translation>컨테이너 이름이 비어 있습니다</translation>
    </message>
    <message>
        <source>volume name is empty</source>
        <translation>볼륨 이름이 비어 있습니다</translation>
    </message>
    <message>
        <source>invalid container name {name}: use at least two characters, letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;, starting with a letter or digit</source>
        <translation>컨테이너 이름 {name}은(는) 쓸 수 없습니다: 글자, 숫자, &apos;_&apos;, &apos;.&apos;, &apos;-&apos;로 두 글자 이상, 글자나 숫자로 시작하세요</translation>
    </message>
    <message>
        <source>invalid volume name {name}: use at least two characters, letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;, starting with a letter or digit</source>
        <translation>볼륨 이름 {name}은(는) 쓸 수 없습니다: 글자, 숫자, &apos;_&apos;, &apos;.&apos;, &apos;-&apos;로 두 글자 이상, 글자나 숫자로 시작하세요</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} / {total}</translation>
    </message>
    <message>
        <source>{seconds} s left</source>
        <translation>{seconds}초 남음</translation>
    </message>
    <message>
        <source>Cancelling: taking away what was made…</source>
        <translation>취소하는 중: 만든 것을 치우고 있습니다…</translation>
    </message>
</context>
<context>
    <name>PruneDialog</name>
    <message>
        <source>Prune unused volumes</source>
        <translation>사용하지 않는 볼륨 정리</translation>
    </message>
    <message>
        <source>Include &amp;named volumes (not only anonymous ones)</source>
        <translation>이름 있는 볼륨도 포함(&amp;N) (익명 볼륨만이 아니라)</translation>
    </message>
    <message>
        <source>Remove these volumes</source>
        <translation>이 볼륨들 삭제</translation>
    </message>
    <message>
        <source>Listing unused volumes</source>
        <translation>사용하지 않는 볼륨 조회</translation>
    </message>
    <message>
        <source>age unknown</source>
        <translation>생성 시각 모름</translation>
    </message>
    <message>
        <source>{name}  ·  created {age}</source>
        <translation>{name}  ·  {age} 생성</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>{name}
labels: {labels}</source>
        <translation>{name}
레이블: {labels}</translation>
    </message>
    <message numerus="yes">
        <source>Removing %n volume(s)…</source>
        <translation>
            <numerusform>볼륨 %n개 삭제 중…</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking for volumes no container uses…</source>
        <translation>어떤 컨테이너도 사용하지 않는 볼륨을 찾는 중…</translation>
    </message>
    <message numerus="yes">
        <source>These %n unused volume(s) will be removed with their data.</source>
        <translation>
            <numerusform>사용하지 않는 볼륨 %n개가 데이터와 함께 삭제됩니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>These %n unused anonymous volume(s) will be removed with their data.</source>
        <translation>
            <numerusform>사용하지 않는 익명 볼륨 %n개가 데이터와 함께 삭제됩니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>No container, running or stopped, uses them.</source>
        <translation>실행 중이든 중지되었든 이 볼륨을 사용하는 컨테이너는 없습니다.</translation>
    </message>
    <message>
        <source>There are no unused volumes: nothing to prune.</source>
        <translation>사용하지 않는 볼륨이 없습니다: 정리할 것이 없습니다.</translation>
    </message>
    <message>
        <source>There are no unused anonymous volumes: nothing to prune.</source>
        <translation>사용하지 않는 익명 볼륨이 없습니다: 정리할 것이 없습니다.</translation>
    </message>
    <message>
        <source>Pruning volumes</source>
        <translation>볼륨 정리</translation>
    </message>
</context>
<context>
    <name>RecoverPrompt</name>
    <message>
        <source>Interrupted changes</source>
        <translation>중단된 변경</translation>
    </message>
    <message>
        <source>These container changes were cut short (volgui was closed, killed or the machine stopped). Each container is either as it was or replaced; choose for each.</source>
        <translation>다음 컨테이너 변경이 도중에 끊겼습니다(volgui가 닫혔거나 강제 종료되었거나 컴퓨터가 멈췄습니다). 각 컨테이너는 원래 그대로이거나 교체된 상태입니다. 하나씩 고르세요.</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>마무리</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <source>The new container takes the name (and starts if the old one ran)</source>
        <translation>새 컨테이너가 이름을 넘겨받습니다 (기존 컨테이너가 실행 중이었으면 시작합니다)</translation>
    </message>
    <message>
        <source>The old container is back under its name, running if it was</source>
        <translation>기존 컨테이너가 원래 이름으로 돌아옵니다 (실행 중이었으면 계속 실행)</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;: working…</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;: 처리 중…</translation>
    </message>
    <message>
        <source>Looking for interrupted changes</source>
        <translation>중단된 변경 찾기</translation>
    </message>
    <message>
        <source>a change of its mounts</source>
        <translation>마운트 변경</translation>
    </message>
    <message>
        <source>The new container took the name; it would usually be finished.</source>
        <translation>새 컨테이너가 이름을 넘겨받았습니다. 보통은 마무리합니다.</translation>
    </message>
    <message>
        <source>The new container never took the name; it would usually be rolled back.</source>
        <translation>새 컨테이너가 이름을 넘겨받지 못했습니다. 보통은 되돌립니다.</translation>
    </message>
    <message>
        <source>Recovering {name}</source>
        <translation>{name} 복구</translation>
    </message>
</context>
<context>
    <name>RefreshMixin</name>
    <message>
        <source>Refreshing</source>
        <translation>새로 고침</translation>
    </message>
</context>
<context>
    <name>RunDialog</name>
    <message>
        <source>Listing local images</source>
        <translation>로컬 이미지 목록 읽기</translation>
    </message>
    <message>
        <source>Mounts of %1</source>
        <translation>%1의 마운트</translation>
    </message>
    <message>
        <source>Replace container</source>
        <translation>컨테이너 교체</translation>
    </message>
    <message>
        <source>New container</source>
        <translation>새 컨테이너</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>생성</translation>
    </message>
    <message>
        <source>Create and start</source>
        <translation>생성 후 시작</translation>
    </message>
    <message>
        <source>Reading the settings of %1</source>
        <translation>%1의 설정 읽기</translation>
    </message>
    <message>
        <source>%1 already mounts %2 at %3</source>
        <translation>%1은(는) 이미 %2을(를) %3에 마운트하고 있습니다</translation>
    </message>
    <message>
        <source>Not every setting shows as a docker run flag (%1); the replacement copies them from the engine as they are.</source>
        <translation>일부 설정은 docker run 플래그로 나타낼 수 없습니다(%1). 교체할 때는 엔진에 있는 그대로 복사합니다.</translation>
    </message>
    <message>
        <source>Planning the change</source>
        <translation>변경 계획 세우기</translation>
    </message>
    <message>
        <source>applying…</source>
        <translation>적용 중…</translation>
    </message>
    <message>
        <source>the command line does not parse: %1</source>
        <translation>명령줄을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>working out what will happen…</source>
        <translation>무슨 일이 일어날지 확인하는 중…</translation>
    </message>
    <message>
        <source>Replaced %1: the new container is %2</source>
        <translation>%1을(를) 교체했습니다: 새 컨테이너는 %2입니다</translation>
    </message>
    <message>
        <source>Created container %1</source>
        <translation>컨테이너 %1을(를) 생성했습니다</translation>
    </message>
    <message>
        <source>The old container is back as it was.</source>
        <translation>기존 컨테이너가 원래대로 돌아왔습니다.</translation>
    </message>
    <message>
        <source>Wait: the change is under way; it finishes or rolls back.</source>
        <translation>잠시만요: 변경 작업이 진행 중입니다. 끝나거나 되돌려질 때까지 기다리세요.</translation>
    </message>
</context>
<context>
    <name>RunForm</name>
    <message>
        <source>Image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>명령</translation>
    </message>
    <message>
        <source>Mounts</source>
        <translation>마운트</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>환경 변수</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>레이블</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>포트</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>재시작 정책</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <source>More settings</source>
        <translation>기타 설정</translation>
    </message>
    <message>
        <source>Add mount</source>
        <translation>마운트 추가</translation>
    </message>
    <message>
        <source>image, e.g. postgres:16</source>
        <translation>이미지, 예: postgres:16</translation>
    </message>
    <message>
        <source>a name (optional)</source>
        <translation>이름 (선택)</translation>
    </message>
    <message>
        <source>the image&apos;s command</source>
        <translation>이미지의 기본 명령</translation>
    </message>
    <message>
        <source>cannot read the command: %1</source>
        <translation>명령을 읽을 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>StatusBarMixin</name>
    <message>
        <source>Cancel sizes</source>
        <translation>크기 계산 취소</translation>
    </message>
    <message>
        <source>(sandbox engine)</source>
        <translation>(샌드박스 엔진)</translation>
    </message>
    <message>
        <source>sandbox engine</source>
        <translation>샌드박스 엔진</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>연결 중…</translation>
    </message>
    <message>
        <source>not answering</source>
        <translation>응답 없음</translation>
    </message>
    <message>
        <source>{volumes} ({in_use} in use) · {containers}</source>
        <translation>{volumes} ({in_use}개 사용 중) · {containers}</translation>
    </message>
    <message>
        <source>refreshed {time}</source>
        <translation>{time}에 새로 고침</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) running</source>
        <translation>
            <numerusform>작업 %n개 실행 중</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VolumeDialog</name>
    <message>
        <source>option row {row} ({text}) is not key=value</source>
        <translation>옵션 {row}번째 줄({text})이 key=value 형식이 아닙니다</translation>
    </message>
    <message>
        <source>label row {row} ({text}) is not key=value</source>
        <translation>레이블 {row}번째 줄({text})이 key=value 형식이 아닙니다</translation>
    </message>
    <message>
        <source>option {key} is given twice</source>
        <translation>옵션 {key}이(가) 두 번 있습니다</translation>
    </message>
    <message>
        <source>label {key} is given twice</source>
        <translation>레이블 {key}이(가) 두 번 있습니다</translation>
    </message>
    <message>
        <source>New volume</source>
        <translation>새 볼륨</translation>
    </message>
    <message>
        <source>e.g. shop-pgdata</source>
        <translation>예: shop-pgdata</translation>
    </message>
    <message>
        <source>key=value, one per line
e.g. type=tmpfs</source>
        <translation>한 줄에 하나씩 key=value
예: type=tmpfs</translation>
    </message>
    <message>
        <source>key=value, one per line
e.g. app=shop</source>
        <translation>한 줄에 하나씩 key=value
예: app=shop</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>생성</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Driver:</source>
        <translation>드라이버(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Options:</source>
        <translation>옵션(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Labels:</source>
        <translation>레이블(&amp;L):</translation>
    </message>
    <message>
        <source>volume {name} already exists; choose another name</source>
        <translation>볼륨 {name}이(가) 이미 있습니다. 다른 이름을 고르세요</translation>
    </message>
    <message>
        <source>the driver is empty (the usual one is &apos;local&apos;)</source>
        <translation>드라이버가 비어 있습니다 (보통은 &apos;local&apos;)</translation>
    </message>
    <message>
        <source>Creating volume {name}</source>
        <translation>볼륨 {name} 생성</translation>
    </message>
</context>
<context>
    <name>VolumeModel</name>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>드라이버</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>사용 컨테이너</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>생성</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>레이블</translation>
    </message>
    <message numerus="yes">
        <source>%n container(s)</source>
        <translation>
            <numerusform>컨테이너 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>no container uses this volume</source>
        <translation>이 볼륨을 사용하는 컨테이너가 없습니다</translation>
    </message>
    <message>
        <source>{name}
(anonymous volume)</source>
        <translation>{name}
(익명 볼륨)</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>internal error: {error}</source>
        <translation>내부 오류: {error}</translation>
    </message>
    <message>
        <source>{what} failed: {reason}</source>
        <translation>{what} 실패: {reason}</translation>
    </message>
</context>
</TS>
