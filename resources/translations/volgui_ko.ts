<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
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
    <name>InspectDialog</name>
    <message>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
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
