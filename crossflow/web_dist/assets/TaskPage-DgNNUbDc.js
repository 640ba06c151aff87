import{At as e,C as t,Er as n,G as r,St as i,Ur as a,_ as o,c as s,f as c,g as l,i as ee,k as u,l as d,n as f,o as p,r as m,u as h,v as te,wr as g,x as _}from"./index-CwwjGBzP.js";import{n as v,t as y}from"./AttachmentsCard-hP3Q3-w7.js";import{i as b}from"./upload-DNGbvZj0.js";import{n as x,t as S}from"./work-DeRyBAbT.js";import{t as C}from"./progress-BP6k7fYC.js";import{t as w}from"./space-BlmAVS_l.js";import{n as T,t as ne}from"./StatusTag-BgoauWUx.js";var E=a(r(),1),D=m(),O={PENDING:`purple`,ACCEPTED:`success`,REJECTED:`error`},k=s(`
  query TaskPage($code: String!) {
    task(code: $code) {
      id
      code
      title
      description
      status
      progress
      priority
      startDate
      deadline
      isOverdue
      acceptanceCriteria
      requirement {
        id
        code
        title
      }
      assignee {
        id
        displayName
      }
      executingDepartment {
        id
        name
        nameEn
      }
      progressUpdates {
        id
        percent
        summary
        problems
        supportNeeded
        createdAt
        author {
          id
          displayName
        }
      }
      results {
        id
        note
        decision
        decisionComment
        createdAt
        decidedBy {
          id
          displayName
        }
      }
      attachments {
        ...AttachmentItem
      }
      comments {
        id
        body
        createdAt
        author {
          id
          displayName
        }
      }
    }
  }
`),A=s(`
  mutation StartTask($id: ID!) {
    startTask(id: $id) {
      id
      status
    }
  }
`),j=s(`
  mutation ReportProgress($input: ReportProgressInput!) {
    reportProgress(input: $input) {
      id
      progress
    }
  }
`),M=s(`
  mutation SubmitTaskResult($input: SubmitTaskResultInput!) {
    submitTaskResult(input: $input) {
      id
      status
    }
  }
`),N=s(`
  mutation ReviewTaskResult($input: ReviewTaskResultInput!) {
    reviewTaskResult(input: $input) {
      id
      status
    }
  }
`),P=s(`
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      id
    }
  }
`);function F(){let{code:r=``}=l(),{t:a,language:s}=d(),{message:m}=i.useApp(),{viewer:F}=f(),{data:I,loading:L,error:R,refetch:z}=n(k,{variables:{code:r}}),B=n(S),V=[k,S],[H]=g(A,{refetchQueries:V}),[U]=g(j,{refetchQueries:V}),[W]=g(M,{refetchQueries:V}),[G]=g(N,{refetchQueries:V}),[K]=g(P,{refetchQueries:[k]}),[q]=t.useForm(),[J]=t.useForm(),[Y]=t.useForm(),[X]=t.useForm();if(R){let e=ee(R)===`NOT_FOUND`;return(0,D.jsx)(te,{status:e?`404`:`error`,title:p(R,a,s)})}let Z=I?.task;if(!Z)return(0,D.jsx)(u,{loading:L});let Q=async(e,t)=>{try{await e(),m.success(a(`task.done`)),t?.resetFields()}catch(e){m.error(p(e,a,s))}},$=Z.assignee?.id===F.id,re=B.data?.myWork.acceptances.some(e=>e.id===Z.id)??!1;return(0,D.jsxs)(w,{direction:`vertical`,size:16,style:{width:`100%`},children:[(0,D.jsxs)(w,{wrap:!0,align:`center`,children:[(0,D.jsx)(o.Title,{level:1,style:{fontSize:22,margin:0},children:Z.title}),(0,D.jsx)(ne,{status:Z.status}),Z.isOverdue&&(0,D.jsx)(T,{color:`red`,children:a(`task.overdue`)})]}),(0,D.jsx)(u,{size:`small`,children:(0,D.jsxs)(v,{column:{xs:1,md:2,xl:3},size:`small`,children:[(0,D.jsx)(v.Item,{label:a(`task.code`),children:Z.code}),(0,D.jsx)(v.Item,{label:a(`task.requirement`),children:Z.requirement&&(0,D.jsx)(c,{to:`/requirements/${Z.requirement.code}`,children:Z.requirement.title})}),(0,D.jsx)(v.Item,{label:a(`task.assignee`),children:Z.assignee?.displayName}),(0,D.jsx)(v.Item,{label:a(`task.department`),children:s===`en`?Z.executingDepartment?.nameEn:Z.executingDepartment?.name}),(0,D.jsx)(v.Item,{label:a(`task.deadline`),children:Z.deadline?(0,E.default)(Z.deadline).format(`YYYY-MM-DD HH:mm`):`—`}),(0,D.jsx)(v.Item,{label:a(`task.percent`),children:(0,D.jsx)(C,{percent:Z.progress,size:`small`,style:{minWidth:120},"aria-label":a(`task.percent`)})}),Z.description&&(0,D.jsx)(v.Item,{label:a(`task.description`),span:{xs:1,md:2,xl:3},children:Z.description}),Z.acceptanceCriteria&&(0,D.jsx)(v.Item,{label:a(`req.acceptanceCriteria`),span:{xs:1,md:2,xl:3},children:Z.acceptanceCriteria})]})}),$&&Z.status===`PENDING`&&(0,D.jsx)(e,{type:`primary`,onClick:()=>void Q(()=>H({variables:{id:Z.id}})),children:a(`task.start`)}),$&&Z.status===`IN_PROGRESS`&&(0,D.jsx)(u,{size:`small`,title:a(`task.progress`),children:(0,D.jsxs)(t,{form:q,layout:`vertical`,onFinish:e=>void Q(()=>U({variables:{input:{taskId:Z.id,...e}}}),q),children:[(0,D.jsx)(t.Item,{label:a(`task.percent`),name:`percent`,initialValue:Z.progress,rules:[{required:!0,type:`integer`,min:0,max:100}],children:(0,D.jsx)(b,{min:0,max:100,addonAfter:`%`})}),(0,D.jsx)(t.Item,{label:a(`task.summary`),name:`summary`,rules:[{required:!0,whitespace:!0}],children:(0,D.jsx)(_.TextArea,{autoSize:{minRows:2}})}),(0,D.jsx)(t.Item,{label:a(`task.problems`),name:`problems`,initialValue:``,children:(0,D.jsx)(_.TextArea,{autoSize:!0})}),(0,D.jsx)(t.Item,{label:a(`task.support`),name:`supportNeeded`,initialValue:``,children:(0,D.jsx)(_.TextArea,{autoSize:!0})}),(0,D.jsx)(e,{type:`primary`,htmlType:`submit`,children:a(`task.report`)})]})}),$&&Z.status===`IN_PROGRESS`&&(0,D.jsx)(u,{size:`small`,title:a(`task.submitResult`),children:(0,D.jsxs)(t,{form:J,layout:`vertical`,onFinish:e=>void Q(()=>W({variables:{input:{taskId:Z.id,note:e.note}}}),J),children:[(0,D.jsx)(t.Item,{label:a(`task.note`),name:`note`,rules:[{required:!0,whitespace:!0}],children:(0,D.jsx)(_.TextArea,{autoSize:{minRows:2}})}),(0,D.jsx)(e,{type:`primary`,htmlType:`submit`,children:a(`task.submitResult`)})]})}),re&&(0,D.jsx)(u,{size:`small`,title:a(`work.acceptances`),children:(0,D.jsxs)(t,{form:Y,layout:`vertical`,children:[(0,D.jsx)(t.Item,{label:a(`task.decision`),name:`comment`,children:(0,D.jsx)(_.TextArea,{autoSize:{minRows:2}})}),(0,D.jsx)(w,{children:[!0,!1].map(t=>(0,D.jsx)(e,{type:t?`primary`:`default`,danger:!t,onClick:()=>void Q(()=>G({variables:{input:{taskId:Z.id,accept:t,comment:Y.getFieldValue(`comment`)??``}}})),children:a(t?`task.accept`:`task.rejectResult`)},String(t)))})]})}),(0,D.jsx)(u,{size:`small`,title:a(`task.updates`),children:(0,D.jsx)(x,{size:`small`,dataSource:Z.progressUpdates,locale:{emptyText:(0,D.jsx)(o.Text,{type:`secondary`,children:a(`common.none`)})},renderItem:e=>(0,D.jsx)(x.Item,{children:(0,D.jsx)(x.Item.Meta,{title:`${e.percent}% · ${e.author?.displayName??``} · ${(0,E.default)(e.createdAt).format(`MM-DD HH:mm`)}`,description:[e.summary,e.problems,e.supportNeeded].filter(Boolean).join(` / `)})})})}),Z.results.length>0&&(0,D.jsx)(u,{size:`small`,title:a(`task.results`),children:(0,D.jsx)(x,{size:`small`,dataSource:Z.results,renderItem:e=>(0,D.jsx)(x.Item,{children:(0,D.jsxs)(w,{direction:`vertical`,size:0,children:[(0,D.jsxs)(w,{children:[(0,D.jsx)(T,{color:O[e.decision],children:h(a,`result`,e.decision)}),(0,D.jsx)(o.Text,{children:e.note})]}),e.decisionComment&&(0,D.jsxs)(o.Text,{type:`secondary`,children:[e.decidedBy?.displayName,`: `,e.decisionComment]})]})})})}),(0,D.jsx)(y,{attachments:Z.attachments,target:Z.status===`COMPLETED`||!Z.requirement?null:{requirementId:Z.requirement.id,taskId:Z.id},onUploaded:()=>void z()}),(0,D.jsxs)(u,{size:`small`,title:a(`task.comments`),children:[(0,D.jsx)(x,{size:`small`,dataSource:Z.comments,locale:{emptyText:(0,D.jsx)(o.Text,{type:`secondary`,children:a(`common.none`)})},renderItem:e=>(0,D.jsx)(x.Item,{children:(0,D.jsx)(x.Item.Meta,{title:`${e.author?.displayName??``} · ${(0,E.default)(e.createdAt).format(`MM-DD HH:mm`)}`,description:(0,D.jsx)(`span`,{style:{whiteSpace:`pre-wrap`},children:e.body})})})}),(0,D.jsxs)(t,{form:X,layout:`vertical`,onFinish:e=>void Q(()=>K({variables:{input:{taskId:Z.id,body:e.body}}}),X),children:[(0,D.jsx)(t.Item,{name:`body`,label:a(`task.addComment`),rules:[{required:!0,whitespace:!0}],children:(0,D.jsx)(_.TextArea,{autoSize:{minRows:2}})}),(0,D.jsx)(e,{htmlType:`submit`,children:a(`task.addComment`)})]})]})]})}export{F as default};