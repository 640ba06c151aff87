const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/BarChart-6Bmv7q5S.js","assets/index-DxxYmQ5J.js","assets/index-CUDq8esg.css"])))=>i.map(i=>d[i]);
import{A as e,Ct as t,Dr as n,En as r,Fn as i,In as a,K as o,Nn as s,S as c,Tr as l,Vr as u,Wr as d,Xn as f,_ as p,an as m,bn as h,c as g,cn as _,dn as v,f as y,i as b,jn as x,jt as S,l as C,ln as w,n as T,nr as E,o as D,r as O,sn as k,t as A,tr as j,u as M,v as N,w as P,wr as ee,wt as te,xr as F,y as ne}from"./index-DxxYmQ5J.js";import{t as I}from"./descriptions-DpBNe9bS.js";import{t as L}from"./list-COtBdQ5B.js";import{t as re}from"./progress-Cak-4nrV.js";import{n as R,t as z}from"./space-ASlxUxqI.js";import{t as ie}from"./table-KKCyE73u.js";import{t as B}from"./tag-CxEg-cbB.js";import{t as V}from"./StatusTag-BIy1tXKi.js";import{n as ae,t as oe}from"./row-BAnPzNff.js";import{t as se}from"./colours-DfTPUJxm.js";import{t as ce}from"./AttachmentsCard-XlnzltNU.js";import{t as le}from"./radio-BVRSKEsG.js";import{t as H}from"./work-BssPVuWT.js";import{SUBMIT as ue}from"./NewRequirementPage-C2R8158G.js";var U=d(u()),de=e=>{let{value:t,formatter:n,precision:r,decimalSeparator:i,groupSeparator:a=``,prefixCls:o}=e,s;if(typeof n==`function`)s=n(t);else{let e=String(t),n=e.match(/^(-?)(\d*)(\.(\d+))?$/);if(!n||e===`-`)s=e;else{let e=n[1],t=n[2]||`0`,c=n[4]||``;t=t.replace(/\B(?=(\d{3})+(?!\d))/g,a),typeof r==`number`&&(c=c.padEnd(r,`0`).slice(0,r>0?r:0)),c&&=`${i}${c}`,s=[U.createElement(`span`,{key:`int`,className:`${o}-content-value-int`},e,t),c&&U.createElement(`span`,{key:`decimal`,className:`${o}-content-value-decimal`},c)]}}return U.createElement(`span`,{className:`${o}-content-value`},s)},fe=e=>{let{componentCls:t,marginXXS:n,padding:i,colorTextDescription:a,titleFontSize:o,colorTextHeading:s,contentFontSize:c,fontFamily:l}=e;return{[t]:Object.assign(Object.assign({},r(e)),{[`${t}-title`]:{marginBottom:n,color:a,fontSize:o},[`${t}-skeleton`]:{paddingTop:i},[`${t}-content`]:{color:s,fontSize:c,fontFamily:l,[`${t}-content-value`]:{display:`inline-block`,direction:`ltr`},[`${t}-content-prefix, ${t}-content-suffix`]:{display:`inline-block`},[`${t}-content-prefix`]:{marginInlineEnd:n},[`${t}-content-suffix`]:{marginInlineStart:n}}})}},pe=h(`Statistic`,e=>fe(x(e,{})),e=>{let{fontSizeHeading3:t,fontSize:n}=e;return{titleFontSize:n,contentFontSize:t}}),W=d(ee()),me=function(e,t){var n={};for(var r in e)Object.prototype.hasOwnProperty.call(e,r)&&t.indexOf(r)<0&&(n[r]=e[r]);if(e!=null&&typeof Object.getOwnPropertySymbols==`function`)for(var i=0,r=Object.getOwnPropertySymbols(e);i<r.length;i++)t.indexOf(r[i])<0&&Object.prototype.propertyIsEnumerable.call(e,r[i])&&(n[r[i]]=e[r[i]]);return n},G=U.forwardRef((e,t)=>{let{prefixCls:n,className:r,rootClassName:i,style:o,valueStyle:s,value:c=0,title:l,valueRender:u,prefix:d,suffix:f,loading:p=!1,formatter:m,precision:h,decimalSeparator:g=`.`,groupSeparator:_=`,`,onMouseEnter:y,onMouseLeave:b}=e,x=me(e,[`prefixCls`,`className`,`rootClassName`,`style`,`valueStyle`,`value`,`title`,`valueRender`,`prefix`,`suffix`,`loading`,`formatter`,`precision`,`decimalSeparator`,`groupSeparator`,`onMouseEnter`,`onMouseLeave`]),{getPrefixCls:S,direction:C,className:w,style:T}=a(`statistic`),E=S(`statistic`,n),[D,O,k]=pe(E),A=U.createElement(de,{decimalSeparator:g,groupSeparator:_,prefixCls:E,formatter:m,precision:h,value:c}),j=(0,W.default)(E,{[`${E}-rtl`]:C===`rtl`},w,r,i,O,k),M=U.useRef(null);U.useImperativeHandle(t,()=>({nativeElement:M.current}));let N=v(x,{aria:!0,data:!0});return D(U.createElement(`div`,Object.assign({},N,{ref:M,className:j,style:Object.assign(Object.assign({},T),o),onMouseEnter:y,onMouseLeave:b}),l&&U.createElement(`div`,{className:`${E}-title`},l),U.createElement(te,{paragraph:!1,loading:p,className:`${E}-skeleton`,active:!0},U.createElement(`div`,{style:s,className:`${E}-content`},d&&U.createElement(`span`,{className:`${E}-content-prefix`},d),u?u(A):A,f&&U.createElement(`span`,{className:`${E}-content-suffix`},f)))))}),he=[[`Y`,31536e6],[`M`,2592e6],[`D`,864e5],[`H`,36e5],[`m`,6e4],[`s`,1e3],[`S`,1]];function ge(e,t){let n=e,r=/\[[^\]]*]/g,i=(t.match(r)||[]).map(e=>e.slice(1,-1)),a=t.replace(r,`[]`),o=he.reduce((e,[t,r])=>{if(e.includes(t)){let i=Math.floor(n/r);return n-=i*r,e.replace(RegExp(`${t}+`,`g`),e=>{let t=e.length;return i.toString().padStart(t,`0`)})}return e},a),s=0;return o.replace(r,()=>{let e=i[s];return s+=1,e})}function _e(e,t,n){let{format:r=``}=t,i=new Date(e).getTime(),a=Date.now();return ge(Math.max(n?i-a:a-i,0),r)}var ve=function(e,t){var n={};for(var r in e)Object.prototype.hasOwnProperty.call(e,r)&&t.indexOf(r)<0&&(n[r]=e[r]);if(e!=null&&typeof Object.getOwnPropertySymbols==`function`)for(var i=0,r=Object.getOwnPropertySymbols(e);i<r.length;i++)t.indexOf(r[i])<0&&Object.prototype.propertyIsEnumerable.call(e,r[i])&&(n[r[i]]=e[r[i]]);return n};function ye(e){return new Date(e).getTime()}var K=e=>{let{value:t,format:n=`HH:mm:ss`,onChange:r,onFinish:i,type:a}=e,o=ve(e,[`value`,`format`,`onChange`,`onFinish`,`type`]),c=a===`countdown`,[l,u]=U.useState(null),d=s(()=>{let e=Date.now(),n=ye(t);u({});let a=c?n-e:e-n;return r?.(a),c&&n<e?(i?.(),!1):!0});return U.useEffect(()=>{let e,t=()=>j.cancel(e),n=()=>{e=j(()=>{d()&&n()})};return n(),t},[t,c]),U.useEffect(()=>{u({})},[]),U.createElement(G,Object.assign({},o,{value:t,valueRender:e=>w(e,{title:void 0}),formatter:(e,t)=>l?_e(e,Object.assign(Object.assign({},t),{format:n}),c):`-`}))},be=U.memo(e=>U.createElement(K,Object.assign({},e,{type:`countdown`})));G.Timer=K,G.Countdown=be;var xe=G,Se=e=>{let{componentCls:t,calc:n}=e;return{[t]:Object.assign(Object.assign({},r(e)),{margin:0,padding:0,listStyle:`none`,[`${t}-item`]:{position:`relative`,margin:0,paddingBottom:e.itemPaddingBottom,fontSize:e.fontSize,listStyle:`none`,"&-tail":{position:`absolute`,insetBlockStart:e.itemHeadSize,insetInlineStart:n(n(e.itemHeadSize).sub(e.tailWidth)).div(2).equal(),height:`calc(100% - ${f(e.itemHeadSize)})`,borderInlineStart:`${f(e.tailWidth)} ${e.lineType} ${e.tailColor}`},"&-pending":{[`${t}-item-head`]:{fontSize:e.fontSizeSM,backgroundColor:`transparent`},[`${t}-item-tail`]:{display:`none`}},"&-head":{position:`absolute`,width:e.itemHeadSize,height:e.itemHeadSize,backgroundColor:e.dotBg,border:`${f(e.dotBorderWidth)} ${e.lineType} transparent`,borderRadius:`50%`,"&-blue":{color:e.colorPrimary,borderColor:e.colorPrimary},"&-red":{color:e.colorError,borderColor:e.colorError},"&-green":{color:e.colorSuccess,borderColor:e.colorSuccess},"&-gray":{color:e.colorTextDisabled,borderColor:e.colorTextDisabled}},"&-head-custom":{position:`absolute`,insetBlockStart:n(e.itemHeadSize).div(2).equal(),insetInlineStart:n(e.itemHeadSize).div(2).equal(),width:`auto`,height:`auto`,marginBlockStart:0,paddingBlock:e.customHeadPaddingVertical,lineHeight:1,textAlign:`center`,border:0,borderRadius:0,transform:`translate(-50%, -50%)`},"&-content":{position:`relative`,insetBlockStart:n(n(e.fontSize).mul(e.lineHeight).sub(e.fontSize)).mul(-1).add(e.lineWidth).equal(),marginInlineStart:n(e.margin).add(e.itemHeadSize).equal(),marginInlineEnd:0,marginBlockStart:0,marginBlockEnd:0,wordBreak:`break-word`},"&-last":{[`> ${t}-item-tail`]:{display:`none`},[`> ${t}-item-content`]:{minHeight:n(e.controlHeightLG).mul(1.2).equal()}}},[`&${t}-alternate,
        &${t}-right,
        &${t}-label`]:{[`${t}-item`]:{"&-tail, &-head, &-head-custom":{insetInlineStart:`50%`},"&-head":{marginInlineStart:n(e.marginXXS).mul(-1).equal(),"&-custom":{marginInlineStart:n(e.tailWidth).div(2).equal()}},"&-left":{[`${t}-item-content`]:{insetInlineStart:`calc(50% - ${f(e.marginXXS)})`,width:`calc(50% - ${f(e.marginSM)})`,textAlign:`start`}},"&-right":{[`${t}-item-content`]:{width:`calc(50% - ${f(e.marginSM)})`,margin:0,textAlign:`end`}}}},[`&${t}-right`]:{[`${t}-item-right`]:{[`${t}-item-tail,
            ${t}-item-head,
            ${t}-item-head-custom`]:{insetInlineStart:`calc(100% - ${f(n(n(e.itemHeadSize).add(e.tailWidth)).div(2).equal())})`},[`${t}-item-content`]:{width:`calc(100% - ${f(n(e.itemHeadSize).add(e.marginXS).equal())})`}}},[`&${t}-pending
        ${t}-item-last
        ${t}-item-tail`]:{display:`block`,height:`calc(100% - ${f(e.margin)})`,borderInlineStart:`${f(e.tailWidth)} dotted ${e.tailColor}`},[`&${t}-reverse
        ${t}-item-last
        ${t}-item-tail`]:{display:`none`},[`&${t}-reverse ${t}-item-pending`]:{[`${t}-item-tail`]:{insetBlockStart:e.margin,display:`block`,height:`calc(100% - ${f(e.margin)})`,borderInlineStart:`${f(e.tailWidth)} dotted ${e.tailColor}`},[`${t}-item-content`]:{minHeight:n(e.controlHeightLG).mul(1.2).equal()}},[`&${t}-label`]:{[`${t}-item-label`]:{position:`absolute`,insetBlockStart:n(n(e.fontSize).mul(e.lineHeight).sub(e.fontSize)).mul(-1).add(e.tailWidth).equal(),width:`calc(50% - ${f(e.marginSM)})`,textAlign:`end`},[`${t}-item-right`]:{[`${t}-item-label`]:{insetInlineStart:`calc(50% + ${f(e.marginSM)})`,width:`calc(50% - ${f(e.marginSM)})`,textAlign:`start`}}},"&-rtl":{direction:`rtl`,[`${t}-item-head-custom`]:{transform:`translate(50%, -50%)`}}})}},Ce=h(`Timeline`,e=>Se(x(e,{itemHeadSize:10,customHeadPaddingVertical:e.paddingXXS,paddingInlineEnd:2})),e=>({tailColor:e.colorSplit,tailWidth:e.lineWidthBold,dotBorderWidth:e.wireframe?e.lineWidthBold:e.lineWidth*3,dotBg:e.colorBgContainer,itemPaddingBottom:e.padding*1.25})),we=function(e,t){var n={};for(var r in e)Object.prototype.hasOwnProperty.call(e,r)&&t.indexOf(r)<0&&(n[r]=e[r]);if(e!=null&&typeof Object.getOwnPropertySymbols==`function`)for(var i=0,r=Object.getOwnPropertySymbols(e);i<r.length;i++)t.indexOf(r[i])<0&&Object.prototype.propertyIsEnumerable.call(e,r[i])&&(n[r[i]]=e[r[i]]);return n},q=e=>{var{prefixCls:t,className:n,color:r=`blue`,dot:a,pending:o=!1,position:s,label:c,children:l}=e,u=we(e,[`prefixCls`,`className`,`color`,`dot`,`pending`,`position`,`label`,`children`]);let{getPrefixCls:d}=U.useContext(i),f=d(`timeline`,t),p=(0,W.default)(`${f}-item`,{[`${f}-item-pending`]:o},n),m=/blue|red|green|gray/.test(r||``)?void 0:r,h=(0,W.default)(`${f}-item-head`,{[`${f}-item-head-custom`]:!!a,[`${f}-item-head-${r}`]:!m});return U.createElement(`li`,Object.assign({},u,{className:p}),c&&U.createElement(`div`,{className:`${f}-item-label`},c),U.createElement(`div`,{className:`${f}-item-tail`}),U.createElement(`div`,{className:h,style:{borderColor:m,color:m}},a),U.createElement(`div`,{className:`${f}-item-content`},l))},J=function(e,t){var n={};for(var r in e)Object.prototype.hasOwnProperty.call(e,r)&&t.indexOf(r)<0&&(n[r]=e[r]);if(e!=null&&typeof Object.getOwnPropertySymbols==`function`)for(var i=0,r=Object.getOwnPropertySymbols(e);i<r.length;i++)t.indexOf(r[i])<0&&Object.prototype.propertyIsEnumerable.call(e,r[i])&&(n[r[i]]=e[r[i]]);return n},Te=e=>{var{prefixCls:t,className:n,pending:r=!1,children:i,items:a,rootClassName:o,reverse:s=!1,direction:c,hashId:l,pendingDot:u,mode:d=``}=e,f=J(e,[`prefixCls`,`className`,`pending`,`children`,`items`,`rootClassName`,`reverse`,`direction`,`hashId`,`pendingDot`,`mode`]);let p=(e,n)=>d===`alternate`?e===`right`?`${t}-item-right`:e===`left`||n%2==0?`${t}-item-left`:`${t}-item-right`:d===`left`?`${t}-item-left`:d===`right`||e===`right`?`${t}-item-right`:``,h=E(a||[]),g=typeof r==`boolean`?null:r;r&&h.push({pending:!!r,dot:u||U.createElement(m,null),children:g}),s&&h.reverse();let _=h.length,v=`${t}-item-last`,y=h.filter(e=>!!e).map((e,t)=>{let n=t===_-2?v:``,i=t===_-1?v:``,{className:a}=e,o=J(e,[`className`]);return U.createElement(q,Object.assign({},o,{className:(0,W.default)([a,!s&&r?n:i,p(e?.position??``,t)]),key:e?.key||t}))}),b=h.some(e=>!!e?.label),x=(0,W.default)(t,{[`${t}-pending`]:!!r,[`${t}-reverse`]:!!s,[`${t}-${d}`]:!!d&&!b,[`${t}-label`]:b,[`${t}-rtl`]:c===`rtl`},n,o,l);return U.createElement(`ol`,Object.assign({},f,{className:x}),y)};function Ee(e,t){return e&&Array.isArray(e)?e:F(t).map(e=>Object.assign({children:e?.props?.children??``},e.props))}var De=function(e,t){var n={};for(var r in e)Object.prototype.hasOwnProperty.call(e,r)&&t.indexOf(r)<0&&(n[r]=e[r]);if(e!=null&&typeof Object.getOwnPropertySymbols==`function`)for(var i=0,r=Object.getOwnPropertySymbols(e);i<r.length;i++)t.indexOf(r[i])<0&&Object.prototype.propertyIsEnumerable.call(e,r[i])&&(n[r[i]]=e[r[i]]);return n},Y=e=>{let{getPrefixCls:t,direction:n,timeline:r}=U.useContext(i),{prefixCls:a,children:o,items:s,className:c,style:l}=e,u=De(e,[`prefixCls`,`children`,`items`,`className`,`style`]),d=t(`timeline`,a),f=k(d),[p,m,h]=Ce(d,f),g=Ee(s,o);return p(U.createElement(Te,Object.assign({},u,{className:(0,W.default)(r?.className,c,h,f),style:Object.assign(Object.assign({},r?.style),l),prefixCls:d,direction:n,items:g,hashId:m})))};Y.Item=q;var Oe=Y,X=d(o(),1),Z=O(),ke=(0,U.lazy)(()=>A(()=>import(`./BarChart-6Bmv7q5S.js`),__vite__mapDeps([0,1,2]))),Ae=g(`
  query RequirementBoard($id: ID!) {
    requirementBoard(requirementId: $id) {
      total
      completed
      inProgress
      delayed
      lagging
      pendingAssignment
      summary
      byStatus {
        status
        count
      }
    }
  }
`);function je({requirementId:t}){let{t:r,language:i}=C(),{data:a,error:o,loading:s}=n(Ae,{variables:{id:t}}),c=a?.requirementBoard;return(0,Z.jsxs)(e,{size:`small`,title:r(`board.requirement`),loading:s&&!c,"data-testid":`requirement-board`,children:[o&&(0,Z.jsx)(_,{type:`error`,showIcon:!0,message:D(o,r,i)}),c&&(0,Z.jsxs)(Z.Fragment,{children:[(0,Z.jsx)(oe,{gutter:[16,8],children:[[`board.total`,c.total],[`board.completed`,c.completed],[`board.inProgress`,c.inProgress],[`board.delayed`,c.delayed],[`board.lagging`,c.lagging]].map(([e,t])=>(0,Z.jsx)(ae,{xs:12,md:4,children:(0,Z.jsx)(xe,{title:r(e),value:t})},e))}),(0,Z.jsx)(N.Paragraph,{style:{marginTop:8},children:c.byStatus.map(e=>`${M(r,`status`,e.status)} ${e.count}`).join(` · `)}),c.total>0&&(0,Z.jsx)(U.Suspense,{fallback:null,children:(0,Z.jsx)(ke,{height:200,rows:c.byStatus.map(e=>({name:M(r,`status`,e.status),count:e.count})),series:[{key:`count`,label:r(`board.total`),colour:se.IN_PROGRESS}]})})]})]})}var Q=g(`
  mutation SubmitFeedback($input: SubmitFeedbackInput!) {
    submitFeedback(input: $input) {
      id
      kind
    }
  }
`);function Me({requirementId:n,departments:r}){let{t:i,language:a}=C(),{message:o}=t.useApp(),[s]=P.useForm(),[u,{loading:d,error:f}]=l(Q,{refetchQueries:[H]}),p=async e=>{await u({variables:{input:{requirementId:n,kind:e.kind,content:e.content,departmentIds:e.departmentIds??[],proposal:e.proposal??``}}}).catch(()=>null)&&o.success(i(`feedback.sent`))};return(0,Z.jsxs)(e,{size:`small`,title:i(`feedback.title`),"data-testid":`feedback-card`,children:[f&&(0,Z.jsx)(_,{type:`error`,showIcon:!0,message:D(f,i,a),style:{marginBottom:12}}),(0,Z.jsxs)(P,{form:s,layout:`vertical`,initialValues:{kind:`PRAISE`},onFinish:e=>void p(e),children:[(0,Z.jsx)(P.Item,{label:i(`feedback.kind`),name:`kind`,children:(0,Z.jsx)(le.Group,{optionType:`button`,options:[`PRAISE`,`PROBLEM`,`SUGGESTION`].map(e=>({value:e,label:i(`feedback.${e}`)}))})}),(0,Z.jsx)(P.Item,{label:i(`feedback.content`),name:`content`,rules:[{required:!0,whitespace:!0,message:i(`field.required`,{label:i(`feedback.content`)})}],children:(0,Z.jsx)(c.TextArea,{autoSize:{minRows:2},maxLength:2e3})}),(0,Z.jsx)(P.Item,{label:i(`feedback.departments`),name:`departmentIds`,children:(0,Z.jsx)(R,{mode:`multiple`,optionFilterProp:`label`,options:r})}),(0,Z.jsx)(P.Item,{label:i(`feedback.proposal`),name:`proposal`,children:(0,Z.jsx)(c.TextArea,{autoSize:{minRows:1},maxLength:2e3})}),(0,Z.jsx)(S,{type:`primary`,htmlType:`submit`,loading:d,children:i(`feedback.submit`)})]})]})}var $=g(`
  query RequirementPage($code: String!) {
    requirement(code: $code) {
      id
      code
      title
      status
      priority
      background
      goals
      deliverables
      acceptanceCriteria
      dataNeeds
      contact
      expectedBy
      currentRound
      createdAt
      initiator {
        id
        displayName
      }
      initiatingDepartment {
        id
        name
        nameEn
      }
      template {
        id
        name
        nameEn
      }
      customFields {
        key
        label
        labelEn
        type
        retired
        textValue
        numberValue
        moneyValue
        dateValue
        choices {
          value
          label
          labelEn
        }
        user {
          id
          displayName
        }
        department {
          id
          name
          nameEn
        }
        file {
          id
          fileName
        }
      }
      involvedDepartments {
        isLead
        contribution
        department {
          id
          name
          nameEn
          head {
            id
            displayName
          }
        }
      }
      reviewRounds {
        id
        number
        outcome
        openedAt
        closedAt
        reviews {
          id
          decision
          comment
          claimedTasks
          signedAt
          contentHash
          department {
            id
            name
            nameEn
          }
          signedBy {
            id
            displayName
          }
          onBehalfOf {
            id
            displayName
          }
        }
      }
      attachments(includeTasks: true) {
        ...AttachmentItem
      }
      tasks {
        id
        code
        title
        status
        progress
        deadline
        isOverdue
        assignee {
          id
          displayName
        }
        executingDepartment {
          id
          name
          nameEn
        }
      }
    }
  }
`),Ne=g(`
  mutation ReviewRequirement($input: ReviewRequirementInput!) {
    reviewRequirement(input: $input) {
      id
      status
    }
  }
`);function Pe(e,t){let n=t===`en`;return e.choices?e.choices.map(e=>n&&e.labelEn?e.labelEn:e.label).join(`、`):e.user?e.user.displayName:e.department?n&&e.department.nameEn||e.department.name:e.file?e.file.fileName:e.moneyValue?`¥${e.moneyValue}`:e.textValue??e.numberValue??e.dateValue??``}function Fe({requirement:n}){let{t:r,language:i}=C(),{message:a}=t.useApp(),[o]=P.useForm(),[s,{loading:u,error:d}]=l(Ne,{refetchQueries:[$,H]}),f=async e=>{let t=o.getFieldsValue();!e&&!t.comment?.trim()?o.setFields([{name:`comment`,errors:[r(`review.rejectNeedsComment`)]}]):await s({variables:{input:{requirementId:n.id,approve:e,comment:t.comment??``,claimedTasks:t.claimedTasks??[]}}}).catch(()=>null)&&a.success(r(`review.done`))};return(0,Z.jsxs)(e,{title:r(`review.title`),size:`small`,"data-testid":`review-card`,children:[d&&(0,Z.jsx)(_,{type:`error`,showIcon:!0,message:D(d,r,i),style:{marginBottom:12}}),(0,Z.jsxs)(P,{form:o,layout:`vertical`,children:[(0,Z.jsx)(P.Item,{label:r(`review.comment`),name:`comment`,children:(0,Z.jsx)(c.TextArea,{autoSize:{minRows:2}})}),(0,Z.jsx)(P.Item,{label:r(`review.claims`),name:`claimedTasks`,extra:r(`review.claimsHelp`),children:(0,Z.jsx)(R,{mode:`tags`,open:!1,suffixIcon:null})}),(0,Z.jsxs)(z,{children:[(0,Z.jsx)(S,{type:`primary`,loading:u,onClick:()=>void f(!0),children:r(`review.approve`)}),(0,Z.jsx)(S,{danger:!0,loading:u,onClick:()=>void f(!1),children:r(`review.reject`)})]})]})]})}function Ie(){let{code:r=``}=p(),{t:i,language:a}=C(),{message:o}=t.useApp(),{viewer:s}=T(),{data:c,loading:u,error:d,refetch:f}=n($,{variables:{code:r}}),m=n(H),[h,g]=l(ue,{refetchQueries:[$]});if(d){let e=b(d)===`NOT_FOUND`;return(0,Z.jsx)(ne,{status:e?`404`:`error`,title:e?i(`req.notFound`):D(d,i,a)})}let v=c?.requirement;if(!v)return(0,Z.jsx)(e,{loading:u});let x=a===`en`,w=e=>e?x&&e.nameEn?e.nameEn:e.name:``,E=m.data?.myWork.reviews.some(e=>e.id===v.id)??!1,O=m.data?.myWork.feedback.some(e=>e.id===v.id)??!1,k=v.initiator?.id===s.id&&[`DRAFT`,`PENDING_MODIFICATION`].includes(v.status),A=[`background`,`goals`,`deliverables`,`acceptanceCriteria`,`dataNeeds`,`contact`].filter(e=>v[e]);return(0,Z.jsxs)(z,{direction:`vertical`,size:16,style:{width:`100%`},children:[(0,Z.jsxs)(z,{wrap:!0,align:`center`,children:[(0,Z.jsx)(N.Title,{level:1,style:{fontSize:22,margin:0},children:v.title}),(0,Z.jsx)(V,{status:v.status}),v.priority===`URGENT`&&(0,Z.jsx)(B,{color:`red`,children:i(`priority.URGENT`)})]}),k&&(0,Z.jsx)(_,{type:`info`,showIcon:!0,message:M(i,`status`,v.status),action:(0,Z.jsx)(S,{type:`primary`,loading:g.loading,onClick:()=>void h({variables:{id:v.id}}).then(()=>o.success(i(`req.submitted`))).catch(e=>o.error(D(e,i,a))),children:i(`req.submit`)})}),E&&(0,Z.jsx)(Fe,{requirement:v}),O&&(0,Z.jsx)(Me,{requirementId:v.id,departments:v.involvedDepartments.map(e=>({value:e.department.id,label:w(e.department)}))}),(0,Z.jsx)(e,{size:`small`,children:(0,Z.jsxs)(I,{column:{xs:1,md:2,xl:3},size:`small`,children:[(0,Z.jsx)(I.Item,{label:i(`req.code`),children:v.code}),(0,Z.jsxs)(I.Item,{label:i(`req.initiator`),children:[v.initiator?.displayName,` · `,w(v.initiatingDepartment)]}),(0,Z.jsx)(I.Item,{label:i(`req.expectedBy`),children:v.expectedBy??`—`}),v.template&&(0,Z.jsx)(I.Item,{label:i(`req.template`),children:w(v.template)}),A.map(e=>(0,Z.jsx)(I.Item,{label:i(`req.${e}`),span:{xs:1,md:2,xl:3},children:(0,Z.jsx)(N.Paragraph,{style:{whiteSpace:`pre-wrap`,margin:0},children:v[e]})},e)),v.customFields.filter(e=>!e.retired).map(e=>(0,Z.jsx)(I.Item,{label:x&&e.labelEn?e.labelEn:e.label,children:Pe(e,a)||`—`},e.key))]})}),(0,Z.jsx)(e,{size:`small`,title:i(`req.departments`),children:(0,Z.jsx)(L,{size:`small`,dataSource:v.involvedDepartments,renderItem:e=>(0,Z.jsx)(L.Item,{children:(0,Z.jsxs)(z,{wrap:!0,children:[(0,Z.jsx)(N.Text,{strong:!0,children:w(e.department)}),e.isLead&&(0,Z.jsx)(B,{children:i(`req.lead`)}),(0,Z.jsx)(N.Text,{type:`secondary`,children:e.department.head?.displayName}),e.contribution&&(0,Z.jsxs)(N.Text,{children:[i(`req.contribution`),`: `,e.contribution]})]})})})}),(0,Z.jsx)(ce,{attachments:v.attachments,target:[`ARCHIVED`,`CANCELLED`].includes(v.status)?null:{requirementId:v.id},onUploaded:()=>void f()}),(0,Z.jsx)(e,{size:`small`,title:i(`req.reviews`),"data-testid":`review-timeline`,children:v.reviewRounds.length===0?(0,Z.jsx)(N.Text,{type:`secondary`,children:i(`common.none`)}):(0,Z.jsx)(Oe,{items:v.reviewRounds.flatMap(e=>[{color:e.outcome===`APPROVED`?`green`:e.outcome===`REJECTED`?`red`:`blue`,children:(0,Z.jsxs)(N.Text,{strong:!0,children:[i(`req.round`,{n:e.number}),` · `,M(i,`status`,e.outcome),` ·`,` `,(0,X.default)(e.openedAt).format(`YYYY-MM-DD HH:mm`)]})},...e.reviews.map(e=>({color:e.decision===`APPROVE`?`green`:`red`,children:(0,Z.jsxs)(z,{direction:`vertical`,size:0,children:[(0,Z.jsxs)(N.Text,{children:[w(e.department),` · `,e.signedBy?.displayName,e.onBehalfOf?` (${i(`req.onBehalfOf`,{name:e.onBehalfOf.displayName})})`:``,` ·`,` `,(0,Z.jsx)(B,{color:e.decision===`APPROVE`?`success`:`error`,children:M(i,`decision`,e.decision)})]}),e.comment&&(0,Z.jsx)(N.Text,{children:e.comment}),e.claimedTasks.length>0&&(0,Z.jsxs)(N.Text,{children:[i(`review.claims`),`: `,e.claimedTasks.join(`；`)]}),(0,Z.jsxs)(N.Text,{type:`secondary`,children:[(0,X.default)(e.signedAt).format(`YYYY-MM-DD HH:mm`),` · `,i(`req.contentHash`),` `,(0,Z.jsx)(`code`,{children:e.contentHash.slice(0,12)})]})]})}))])})}),v.tasks.length>0&&(0,Z.jsx)(je,{requirementId:v.id}),(0,Z.jsx)(e,{size:`small`,title:i(`req.tasks`),children:(0,Z.jsx)(ie,{size:`small`,rowKey:`id`,pagination:!1,scroll:{x:!0},locale:{emptyText:(0,Z.jsx)(N.Text,{type:`secondary`,children:i(`common.none`)})},dataSource:v.tasks,columns:[{title:i(`task.title`),key:`title`,render:(e,t)=>(0,Z.jsx)(y,{to:`/tasks/${t.code}`,children:`${t.code} ${t.title}`})},{title:i(`task.department`),key:`dept`,render:(e,t)=>w(t.executingDepartment)},{title:i(`task.assignee`),key:`assignee`,render:(e,t)=>t.assignee?.displayName},{title:i(`req.status`),key:`status`,render:(e,t)=>(0,Z.jsxs)(z,{children:[(0,Z.jsx)(V,{status:t.status}),t.isOverdue&&(0,Z.jsx)(B,{color:`red`,children:i(`task.overdue`)})]})},{title:i(`task.percent`),key:`progress`,render:(e,t)=>(0,Z.jsx)(re,{percent:t.progress,size:`small`,style:{minWidth:100},"aria-label":`${t.code} ${i(`task.percent`)}`})},{title:i(`task.deadline`),key:`deadline`,render:(e,t)=>t.deadline?(0,X.default)(t.deadline).format(`YYYY-MM-DD`):`—`}]})})]})}export{Ie as default};